package io.scimfleet.mapping;

import static io.scimfleet.mapping.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.model.ObjectType;
import io.scimfleet.model.PropertyMapping;
import io.scimfleet.schema.ScimSchemaValidator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A rough throughput figure, printed to the test output: a full sync maps 10,000+ users a minute on
 * two cores (167 a second). The assertion only guards that floor; the printout is the measurement.
 */
class MappingThroughputTest {
  private static final double REQUIRED_PER_SECOND = 10_000 / 60.0;
  private static final int USERS = 20_000;
  private static final Mappings MAPPINGS =
      Mappings.compile(
          DefaultMappings.overlay(
              DefaultMappings.users(),
              List.of(
                  new PropertyMapping(
                      "70-enterprise",
                      "{'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':"
                          + " {'department': attributes.department}}"))));
  private static final ScimSchemaValidator VALIDATOR = new ScimSchemaValidator();
  private static final List<MappingInput> INPUTS =
      IntStream.range(0, USERS)
          .mapToObj(
              i ->
                  aUser()
                      .withId("u-" + i)
                      .withUsername("user" + i)
                      .named("First Last" + i)
                      .withEmail("user" + i + "@example.org")
                      .with("department", "Dept " + i % 10)
                      .input())
          .toList();

  @Test
  void mappingKeepsWellAboveTenThousandUsersAMinuteOnTwoThreads() throws Exception {
    double oneThread = perSecond(1, MAPPINGS::map);
    double mapOnly = perSecond(2, MAPPINGS::map);
    double mapAndValidate =
        perSecond(2, input -> VALIDATOR.requireValid(ObjectType.USER, MAPPINGS.map(input)));

    System.out.printf(
        "mapping throughput: %.0f users/s on 2 threads, %.0f on 1; map+validate %.0f on 2%n",
        mapOnly, oneThread, mapAndValidate);
    assertThat(mapAndValidate).isGreaterThan(REQUIRED_PER_SECOND);
  }

  /** The best of three timed passes, after two for the JIT and the per-thread parsed copies. */
  private static double perSecond(int threads, Consumer<MappingInput> work) throws Exception {
    run(threads, work);
    run(threads, work);
    long fastest = Long.MAX_VALUE;
    for (int pass = 0; pass < 3; pass++) {
      long started = System.nanoTime();
      run(threads, work);
      fastest = Math.min(fastest, System.nanoTime() - started);
    }
    return USERS / (fastest / 1e9);
  }

  private static void run(int threads, Consumer<MappingInput> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    int slice = USERS / threads;
    List<Future<?>> done =
        IntStream.range(0, threads)
            .<Future<?>>mapToObj(
                t -> pool.submit(() -> INPUTS.subList(t * slice, (t + 1) * slice).forEach(work)))
            .toList();
    for (Future<?> future : done) future.get();
    pool.shutdown();
  }
}
