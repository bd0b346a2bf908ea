package io.scimfleet.worker.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.config.Pacing;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.store.ObjectLocks;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.pipeline.ObjectSync;
import io.scimfleet.worker.pipeline.ProviderContexts;
import io.scimfleet.worker.pipeline.ProviderHealth;
import io.scimfleet.worker.pipeline.SyncResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 27, item 5, with Bulk: the locks of a Bulk request run out (300 ms) under its slow answer
 * (3 s: the other worker may start 2 s late on a loaded machine) and another worker takes one of
 * them meanwhile; the request's states are refused as a whole, nothing of them is written, and its
 * users go the one-by-one way, which finds the creates on the target (their intents were recorded)
 * and links them: no create is sent twice.
 */
class FencedBulkWritesTest {
  private static final String BASE = "/scim/v2";
  private static final Duration SHORT_LEASE = Duration.ofMillis(300);

  @RegisterExtension
  static WireMockExtension target =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final Stores real = Stores.inMemory();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final FleetMetrics metrics = new FleetMetrics(registry);
  private final CompletableFuture<Void> bulkTook = new CompletableFuture<>();
  private ProviderContexts contexts;
  private PageRunner runner;

  @BeforeEach
  void start() {
    target.stubFor(
        get(urlPathEqualTo(BASE + "/ServiceProviderConfig"))
            .willReturn(
                scim(
                    200,
                    """
        {"patch":{"supported":true},"bulk":{"supported":true,"maxOperations":10,"maxPayloadSize":1048576},
         "filter":{"supported":true,"maxResults":100},"etag":{"supported":false}}""")));
    target.stubFor(
        get(urlPathEqualTo(BASE + "/ResourceTypes")).willReturn(aResponse().withStatus(404)));
    target.stubFor(
        post(urlPathEqualTo(BASE + "/Bulk"))
            .willReturn(
                scim(
                        200,
                        """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkResponse"],"Operations":[
          {"method":"POST","bulkId":"o0","location":"%s/Users/r-a1","status":"201"},
          {"method":"POST","bulkId":"o1","location":"%s/Users/r-a2","status":"201"}]}
        """
                            .formatted(target.baseUrl() + BASE, target.baseUrl() + BASE))
                    .withFixedDelay(3_000)));
    for (String name : List.of("a1", "a2")) {
      real.directory().putUser(aUser(name).build());
      target.stubFor(
          get(urlPathEqualTo(BASE + "/Users"))
              .withQueryParam("filter", containing(name))
              .willReturn(
                  scim(
                      200,
                      ("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],"
                              + "\"totalResults\":1,\"Resources\":[{\"schemas\":"
                              + "[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                              + "\"id\":\"r-%s\",\"userName\":\"%s\"}]}")
                          .formatted(name, name))));
      // linked, the found user is brought up to date
      target.stubFor(
          patch(urlPathEqualTo(BASE + "/Users/r-" + name))
              .willReturn(
                  scim(
                      200,
                      ("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                              + "\"id\":\"r-%s\",\"userName\":\"%s\"}")
                          .formatted(name, name))));
    }
    real.providers()
        .put(
            aProvider("crm")
                .at(target.baseUrl() + BASE)
                .withCredential(Credential.inline("t0ken"))
                .build());
    Stores stores = real.withLocks(new ShortBulkLeases(real.locks(), bulkTook));
    contexts =
        new ProviderContexts(
            stores.providers(),
            metrics,
            RateLimiter.local(),
            TestSecurity.settings(),
            stores.directory());
    ProviderHealth health = new ProviderHealth(stores.quarantines(), Clock.systemUTC());
    runner =
        new PageRunner(
            new ObjectSync(stores, new ScimSchemaValidator(), metrics, health, Clock.systemUTC()),
            metrics,
            4,
            Pacing.defaults(16));
  }

  @AfterEach
  void stop() {
    runner.close();
    contexts.close();
  }

  @Test
  void aBulkRequestWhoseLocksRanOutRecordsNothingAndItsUsersAreLinkedOneByOne() {
    CompletableFuture<Void> otherWorker =
        bulkTook.thenRunAsync(
            () ->
                real.locks()
                    .acquire(
                        "crm",
                        ObjectType.USER,
                        "a1",
                        Duration.ofSeconds(60),
                        Duration.ofMillis(2_500))
                    .orElseThrow()
                    .close());

    List<SyncResult> results = runner.run(CrmUserPages.of(contexts, real, List.of("a1", "a2")));

    otherWorker.join();
    assertThat(lockLostWrites()).as("the Bulk request's write was refused").isEqualTo(1.0);
    assertThat(target.findAll(postRequestedFor(urlPathEqualTo(BASE + "/Bulk")))).hasSize(1);
    assertThat(target.findAll(postRequestedFor(urlPathEqualTo(BASE + "/Users"))))
        .as("no create sent again")
        .isEmpty();
    assertThat(results).noneMatch(SyncResult::failed);
    assertThat(remoteId("a1")).contains("r-a1");
    assertThat(remoteId("a2")).contains("r-a2");
  }

  private Optional<String> remoteId(String id) {
    return real.syncState().get("crm", ObjectType.USER, id).map(ObjectSyncState::remoteId);
  }

  private double lockLostWrites() {
    Counter counter = registry.find(FleetMetrics.LOCK_LOST_WRITES).counter();
    return counter == null ? 0 : counter.count();
  }

  private static ResponseDefinitionBuilder scim(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/scim+json")
        .withBody(body);
  }

  /** A Bulk request's locks get a short lease (and say when they were taken); others as asked. */
  private record ShortBulkLeases(ObjectLocks locks, CompletableFuture<Void> took)
      implements ObjectLocks {
    @Override
    public Optional<Lock> acquire(
        String provider, ObjectType type, String objectId, Duration lease, Duration wait) {
      return locks.acquire(provider, type, objectId, lease, wait);
    }

    @Override
    public Locks acquireFree(
        String provider, ObjectType type, List<String> objectIds, Duration lease) {
      Locks held = locks.acquireFree(provider, type, objectIds, SHORT_LEASE);
      took.complete(null);
      return held;
    }
  }
}
