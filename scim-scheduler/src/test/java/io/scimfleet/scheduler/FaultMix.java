package io.scimfleet.scheduler;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WireMock fault injection in front of a real target: this share of requests (discovery excepted)
 * gets a 429 with {@code Retry-After}, that share a 503 without one; the rest pass through.
 */
final class FaultMix implements ResponseDefinitionTransformerV2 {
  private static final String ERROR =
      """
      {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"%d","detail":"%s"}""";

  private final double tooMany;
  private final double unavailable;
  private final int retryAfterSeconds;
  private final Random random = new Random(20_29);
  final AtomicInteger tooManySent = new AtomicInteger();
  final AtomicInteger unavailableSent = new AtomicInteger();

  FaultMix(double tooMany, double unavailable, int retryAfterSeconds) {
    this.tooMany = tooMany;
    this.unavailable = unavailable;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    String path = event.getRequest().getUrl();
    if (path.contains("/ServiceProviderConfig")
        || path.contains("/ResourceTypes")
        || path.contains("/Schemas")) {
      return event.getResponseDefinition();
    }
    double roll;
    synchronized (random) {
      roll = random.nextDouble();
    }
    if (roll < tooMany) {
      tooManySent.incrementAndGet();
      return error(429, "slow down")
          .withHeader("Retry-After", String.valueOf(retryAfterSeconds))
          .build();
    }
    if (roll < tooMany + unavailable) {
      unavailableSent.incrementAndGet();
      return error(503, "try again").build();
    }
    return event.getResponseDefinition();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(
      int status, String detail) {
    return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", "application/scim+json")
        .withBody(ERROR.formatted(status, detail));
  }

  @Override
  public String getName() {
    return "fault-mix";
  }
}
