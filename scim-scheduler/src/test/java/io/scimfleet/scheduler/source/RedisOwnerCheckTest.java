package io.scimfleet.scheduler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.UsernameTakenException;
import io.scimfleet.store.redis.RedisDirectoryStore;
import io.scimfleet.testing.RedisFixture;
import io.scimfleet.testing.TestSecurity;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On Redis, a user's put through {@link SourceOwnedDirectory} checks the owner inside the write's
 * own script: the source store is never asked who owns the user, and the rule still holds.
 */
class RedisOwnerCheckTest {
  private static RedisFixture redis;
  private final List<String> lookUps = new ArrayList<>();
  private SourceStore sources;
  private DirectoryStore directory;
  private SourceOwnedDirectory api;

  @BeforeAll
  static void openRedis() {
    redis = RedisFixture.open(RedisOwnerCheckTest.class);
  }

  @AfterAll
  static void closeRedis() {
    redis.close();
  }

  @BeforeEach
  void wire() {
    sources = countingLookUps(new RedisSourceStore(redis.pool(), redis.prefix()));
    directory = new RedisDirectoryStore(redis.pool(), redis.keys());
    SourcePasswords passwords =
        new SourcePasswords(TestSecurity.settings().secrets(), name -> "unused");
    api = new SourceOwnedDirectory(directory, new SourceRegistry(sources, directory, passwords));
  }

  @AfterEach
  void removeKeys() {
    redis.clean();
  }

  @Test
  void aUserASourceOwnsIsRefusedByTheWriteItselfWithNoOwnerLookUp() {
    sources.own("corp", ObjectType.USER, Map.of("u1", "uid=ada,dc=corp"));

    assertThatThrownBy(() -> api.putUser(aUser("u1", "ada")))
        .isInstanceOf(SourceOwnedException.class)
        .hasMessageContaining("user 'u1' comes from source 'corp'");
    assertThatThrownBy(() -> api.putUniqueUser(aUser("u1", "ada")))
        .isInstanceOf(SourceOwnedException.class);

    assertThat(directory.user("u1")).isEmpty();
    assertThat(directory.version()).isZero();
    assertThat(lookUps).isEmpty();
  }

  @Test
  void aUserTakenByASourceAfterItsFirstWriteIsRefusedFromThenOnAndFreeAgainWhenDisowned() {
    api.putUser(aUser("u1", "ada"));
    sources.own("corp", ObjectType.USER, Map.of("u1", "uid=ada,dc=corp"));

    assertThatThrownBy(() -> api.putUser(aUser("u1", "changed")))
        .isInstanceOf(SourceOwnedException.class);
    assertThat(directory.user("u1")).map(DirectoryUser::username).contains("ada");

    sources.disown("corp", ObjectType.USER, List.of("u1"));
    api.putUser(aUser("u1", "changed"));
    assertThat(directory.user("u1")).map(DirectoryUser::username).contains("changed");
    assertThat(lookUps).isEmpty();
  }

  @Test
  void anUnownedUsersUniqueWriteStillRefusesATakenUsername() {
    api.putUniqueUser(aUser("u1", "ada"));

    assertThatThrownBy(() -> api.putUniqueUser(aUser("u2", "ADA")))
        .isInstanceOf(UsernameTakenException.class);
    assertThat(directory.user("u2")).isEmpty();
  }

  @Test
  void aGroupOfASourceIsStillRefused() {
    sources.own("corp", ObjectType.GROUP, Map.of("g1", "cn=staff,dc=corp"));

    assertThatThrownBy(() -> api.deleteGroup("g1")).isInstanceOf(SourceOwnedException.class);
  }

  private static DirectoryUser aUser(String id, String username) {
    return new DirectoryUser(id, username, null, null, true, Map.of());
  }

  /** The store, recording every call that asks who owns an object. */
  private SourceStore countingLookUps(SourceStore store) {
    return (SourceStore)
        Proxy.newProxyInstance(
            SourceStore.class.getClassLoader(),
            new Class<?>[] {SourceStore.class},
            (proxy, method, args) -> {
              if (method.getName().equals("ownerOf") || method.getName().equals("owners"))
                lookUps.add(method.getName());
              try {
                return method.invoke(store, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
