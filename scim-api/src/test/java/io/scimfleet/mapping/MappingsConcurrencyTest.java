package io.scimfleet.mapping;

import static io.scimfleet.mapping.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.model.PropertyMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One compiled {@link Mappings} shared by several threads. Shared dashjoin {@code Jsonata}
 * instances get {@code $} and {@code $$} wrong under this load (about one result in five, measured
 * with 4 threads); the per-thread copies must not.
 */
class MappingsConcurrencyTest {
  private static final int THREADS = 8;
  private static final int USERS_PER_THREAD = 3_000;
  private static final Mappings MAPPINGS =
      Mappings.compile(
          DefaultMappings.overlay(
              DefaultMappings.users(),
              List.of(
                  new PropertyMapping("70-root", "{'nickName': $$.username & '@' & $.id}"),
                  new PropertyMapping(
                      "80-filter", "{'matchingTags': $count(attributes.tags[$ = $$.id])}"))));

  @Test
  void threadsSharingOneMappingsEachGetTheirOwnResults() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<String>>> wrong = new ArrayList<>();
    for (int thread = 0; thread < THREADS; thread++) {
      wrong.add(pool.submit(mapUsersOf("t" + thread, start)));
    }
    start.countDown();
    for (Future<List<String>> results : wrong) {
      assertThat(results.get()).as("users mapped wrongly").isEmpty();
    }
    pool.shutdown();
  }

  private static Callable<List<String>> mapUsersOf(String thread, CountDownLatch start) {
    return () -> {
      start.await();
      List<String> wrong = new ArrayList<>();
      for (int i = 0; i < USERS_PER_THREAD; i++) {
        String id = thread + "-" + i;
        ObjectNode user =
            MAPPINGS.map(
                aUser()
                    .withId(id)
                    .withUsername("user-" + id)
                    .named("First " + id)
                    .withEmail(id + "@example.org")
                    .with("tags", List.of(id, "other"))
                    .input());
        if (!isMappedFrom(user, id)) wrong.add(id + " -> " + user);
      }
      return wrong;
    };
  }

  private static boolean isMappedFrom(ObjectNode user, String id) {
    return user.path("externalId").asText().equals(id)
        && user.path("userName").asText().equals("user-" + id)
        && user.path("name").path("familyName").asText().equals(id)
        && user.path("emails").path(0).path("value").asText().equals(id + "@example.org")
        && user.path("nickName").asText().equals("user-" + id + "@" + id)
        && user.path("matchingTags").asInt() == 1;
  }
}
