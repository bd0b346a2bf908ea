package io.scimfleet.scheduler.inbound;

import static io.scimfleet.scheduler.inbound.InboundUsersTest.q;
import static io.scimfleet.scheduler.inbound.Requests.entraUser;
import static io.scimfleet.scheduler.inbound.Requests.group;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.model.DirectoryUser;
import io.scimfleet.store.redis.RedisKeys;
import io.scimfleet.store.redis.RedisStores;
import io.scimfleet.testing.TestRedis;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/** The inbound endpoint over the Redis stores, under this class's own key prefix. */
class RedisInboundTest {
  private static final String PREFIX = TestRedis.uniquePrefix("inbound");
  private static final RedisKeys KEYS = new RedisKeys(PREFIX);
  private static InboundFixture fixture;
  private static JedisPool cleaner;

  @BeforeAll
  static void start() {
    cleaner = TestRedis.pool();
    fixture =
        new InboundFixture(
            RedisStores.create(TestRedis.pool(), KEYS, Clock.systemUTC()),
            InboundSettings.withTokens(InboundFixture.TOKEN).withRate(10_000));
  }

  @AfterEach
  void clean() {
    TestRedis.deleteKeys(cleaner, PREFIX);
  }

  @AfterAll
  static void stop() {
    fixture.close();
    fixture.stores.close();
    cleaner.close();
  }

  @Test
  void concurrentCreatesOfOneUserNameInDifferentCaseMakeExactlyOneUser() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String name = i % 2 == 0 ? "race@contoso.com" : "RACE@contoso.com";
        answers.add(pool.submit(() -> fixture.scim.post("/Users", entraUser(name, null)).status()));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) statuses.add(answer.get());

      assertThat(statuses).containsOnly(201, 409);
      assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
      assertThat(fixture.stores.directory().userCount()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void usersWrittenBeforeTheUsernameIndexExistedAreFoundAndHoldTheirNames() {
    try (InboundFixture fresh = upgradedWith("legacy-1", "Old@Contoso.com")) {
      assertThat(
              fresh
                  .scim
                  .get("/Users?filter=" + q("userName eq \"old@contoso.com\""))
                  .json()
                  .path("Resources")
                  .get(0)
                  .path("id")
                  .asText())
          .isEqualTo("legacy-1");
      assertThat(fresh.scim.post("/Users", entraUser("OLD@contoso.com", null)).status())
          .isEqualTo(409);
    }
  }

  @Test
  void aCreateAsTheFirstRequestAfterAnUpgradeSeesUsersWrittenBeforeTheIndex() {
    try (InboundFixture fresh = upgradedWith("legacy-2", "Early@Contoso.com")) {
      assertThat(fresh.scim.post("/Users", entraUser("EARLY@contoso.com", null)).status())
          .isEqualTo(409);
      assertThat(fresh.stores.directory().userCount()).isEqualTo(1);
    }
  }

  /**
   * A user written as before the username index existed (the index removed after it), and a new
   * endpoint over new stores, as a scheduler started after an upgrade has; closing it closes them.
   */
  private static InboundFixture upgradedWith(String id, String username) {
    fixture.stores.directory().putUser(new DirectoryUser(id, username, null, null, true, null));
    try (Jedis jedis = cleaner.getResource()) {
      jedis.del(KEYS.usernames(), KEYS.usernameOf(), KEYS.usernamesComplete());
    }
    return new InboundFixture(
            RedisStores.create(TestRedis.pool(), KEYS, Clock.systemUTC()),
            InboundSettings.withTokens(InboundFixture.TOKEN))
        .owningItsStores();
  }

  @Test
  void aGroupWithMembersIsStoredInRedisAndReadsBackWithTimes() {
    String ada = fixture.scim.post("/Users", entraUser("ada@contoso.com", null)).id();
    String id = fixture.scim.post("/Groups", group("Engineers", ada)).id();

    var read = fixture.scim.get("/Groups/" + id).json();
    assertThat(read.path("members").get(0).path("value").asText()).isEqualTo(ada);
    assertThat(read.path("meta").path("created").asText()).isNotEmpty();
    try (Jedis jedis = cleaner.getResource()) {
      assertThat(jedis.smembers(KEYS.members(id))).containsExactly(ada);
    }
  }
}
