package io.scimfleet.scheduler.inbound;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * Who may call {@code /scim/v2}: a bearer token among the configured ones, each with its own
 * request budget. Tokens are hashed, and every configured one is compared in constant time, so that
 * neither a token's content nor its length nor its position in the list leaks through timing.
 */
final class InboundTokens {
  private final List<byte[]> hashes;
  private final List<Bucket> budgets;

  InboundTokens(InboundSettings settings) {
    this.hashes = settings.tokens().stream().map(InboundTokens::sha256).toList();
    this.budgets =
        settings.tokens().stream().map(token -> budget(settings.requestsPerSecond())).toList();
  }

  /** The index of the token the header carries; empty when it carries none of ours. */
  OptionalInt match(String authorization) {
    boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    if (!bearer) return OptionalInt.empty();
    byte[] given = sha256(authorization.substring(7).strip());
    int found = -1;
    for (int i = 0; i < hashes.size(); i++) {
      if (MessageDigest.isEqual(hashes.get(i), given) && found < 0) found = i;
    }
    return found < 0 ? OptionalInt.empty() : OptionalInt.of(found);
  }

  /** Takes one request from the token's budget: zero when granted, else how long to wait. */
  Duration take(int token) {
    ConsumptionProbe probe = budgets.get(token).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
  }

  /** A second's worth of requests refilled evenly, and as much again held for bursts. */
  private static Bucket budget(int perSecond) {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(2L * perSecond)
                .refillGreedy(perSecond, Duration.ofSeconds(1))
                .initialTokens(2L * perSecond)
                .build())
        .build();
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
