package io.scimfleet.store.redis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.scimfleet.store.StoreException;
import org.jspecify.annotations.Nullable;

/**
 * The one {@link ObjectMapper} of the Redis stores: records as JSON, instants as ISO-8601 text,
 * nulls and empty collections left out (compact payloads), unknown properties ignored (a newer
 * fleet may have written fields this one does not know).
 */
public final class RedisJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_NULL))
          .build();

  private RedisJson() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new StoreException(
          "cannot write "
              + value.getClass().getSimpleName()
              + " as JSON: "
              + e.getOriginalMessage());
    }
  }

  /** The value, or null for a null text (a missing key). */
  public static <T> @Nullable T read(String json, Class<T> type) {
    if (json == null) return null;
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new StoreException(
          "cannot read "
              + type.getSimpleName()
              + " from its stored JSON: "
              + e.getOriginalMessage());
    }
  }
}
