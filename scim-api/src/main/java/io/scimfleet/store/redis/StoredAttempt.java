package io.scimfleet.store.redis;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.scimfleet.model.SyncAttempt;
import io.scimfleet.model.SyncTrigger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SyncAttempt} as stored: short field names, the time in epoch millis and the requests as
 * one text ({@code "GET 404,POST 201"}); up to 20 per object per provider, so size matters.
 */
record StoredAttempt(
    @JsonProperty("t") long epochMillis,
    @JsonProperty("g") SyncTrigger trigger,
    @JsonProperty("o") String outcome,
    @JsonProperty("r") @Nullable String requests,
    @JsonProperty("d") long durationMs,
    @JsonProperty("e") @Nullable String error) {

  static String write(SyncAttempt attempt) {
    String requests =
        String.join(
            ",", attempt.requests().stream().map(r -> r.method() + " " + r.status()).toList());
    return RedisJson.write(
        new StoredAttempt(
            attempt.time().toEpochMilli(),
            attempt.trigger(),
            attempt.outcome(),
            requests.isEmpty() ? null : requests,
            attempt.durationMs(),
            attempt.error()));
  }

  static @Nullable SyncAttempt read(String json) {
    StoredAttempt stored = RedisJson.read(json, StoredAttempt.class);
    if (stored == null) return null;
    return new SyncAttempt(
        Instant.ofEpochMilli(stored.epochMillis),
        stored.trigger,
        stored.outcome,
        requests(stored.requests),
        stored.durationMs,
        stored.error);
  }

  private static List<SyncAttempt.Request> requests(@Nullable String text) {
    if (text == null || text.isEmpty()) return List.of();
    return Arrays.stream(text.split(","))
        .map(
            request -> {
              int space = request.indexOf(' ');
              return new SyncAttempt.Request(
                  request.substring(0, space), Integer.parseInt(request.substring(space + 1)));
            })
        .toList();
  }
}
