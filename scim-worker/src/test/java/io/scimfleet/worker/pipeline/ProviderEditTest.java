package io.scimfleet.worker.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.ObjectType;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.scim.NotFoundException;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import io.scimfleet.worker.handler.NoJobQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Editing a provider while one of its requests is in flight lets that request finish on the old
 * client.
 */
class ProviderEditTest {
  @RegisterExtension
  static WireMockExtension target =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final Stores stores = Stores.inMemory();
  private Worker worker;
  private SyncObjectHandler handler;

  @BeforeEach
  void start() {
    worker =
        new Worker(
            stores,
            new NoJobQueue(),
            new FleetMetrics(new SimpleMeterRegistry()),
            Clock.systemUTC(),
            2,
            TestSecurity.settings());
    handler = (SyncObjectHandler) worker.handlers().get(SyncObjectHandler.class);
    stores.providers().put(aProvider("crm").at(target.baseUrl() + "/scim/v2").build());
    stores.directory().putUser(aUser("u1").build());
    stores.directory().putUser(aUser("u2").build());
    target.stubFor(get(urlPathMatching("/scim/v2/.*")).willReturn(aResponse().withStatus(404)));
    target.stubFor(
        post(urlPathEqualTo("/scim/v2/Users"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withFixedDelay(1500)
                    .withHeader("Content-Type", "application/scim+json")
                    .withBody("{\"id\":\"r1\",\"userName\":\"u\"}")));
  }

  @AfterEach
  void stop() {
    worker.close();
  }

  @Test
  void aRequestInFlightCompletesWhileTheProviderIsEdited() {
    CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> sync("u1"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !target.findAll(postRequestedFor(urlPathEqualTo("/scim/v2/Users"))).isEmpty());

    stores
        .providers()
        .put(aProvider("crm").at(target.baseUrl() + "/scim/v2").limitedTo(4, 0).build());
    sync("u2");

    slow.join();
    assertThat(stores.syncState().get("crm", ObjectType.USER, "u1").orElseThrow().remoteId())
        .isEqualTo("r1");
    assertThat(stores.syncState().get("crm", ObjectType.USER, "u2").orElseThrow().remoteId())
        .isEqualTo("r1");
  }

  @Test
  void aRetiredClientIsClosedOnlyOnceItsRequestsAreDone() {
    ProviderContext context =
        ProviderContexts.build(
            aProvider("crm").at(target.baseUrl() + "/scim/v2").build(),
            new FleetMetrics(new SimpleMeterRegistry()),
            RateLimiter.local(),
            TestSecurity.settings(),
            null);
    try (RetiredContexts retired = new RetiredContexts(Duration.ZERO, Duration.ofHours(1))) {
      CompletableFuture<String> slow =
          CompletableFuture.supplyAsync(
              () ->
                  context
                      .client()
                      .create("Users", JsonNodeFactory.instance.objectNode().put("userName", "u1"))
                      .id());
      await().atMost(Duration.ofSeconds(10)).until(() -> context.client().requestsInFlight() == 1);
      retired.add(context);

      retired.sweep();
      assertThat(slow.join()).isEqualTo("r1");
      retired.sweep();

      assertThatThrownBy(() -> context.client().get("Users", "r1"))
          .isNotInstanceOf(NotFoundException.class);
      target.verify(0, getRequestedFor(urlPathEqualTo("/scim/v2/Users/r1")));
    }
  }

  private void sync(String userId) {
    try {
      handler.run(new SyncObjectRequest("crm", ObjectType.USER, userId, null));
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }
}
