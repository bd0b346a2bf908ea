package io.scimfleet.scheduler.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON in and out: strict on input (unknown fields, nulls for primitives and trailing content are
 * errors), bodies read up to a size limit (413 beyond it) before anything is parsed.
 */
final class ApiJson {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  /**
   * Bodies up to this declared length are read into an array of exactly that length; a longer one
   * grows as it arrives, so that a length merely declared pins no memory.
   */
  private static final int EXACT_READ_BYTES = 65_536;

  private final long maxBodyBytes;

  ApiJson(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * One reader per body type, its root deserializer found once rather than per request (a map: a
   * {@code ClassValue} took its slow, locked path on every request in the profile).
   */
  private static final Map<Class<?>, ObjectReader> READERS = new ConcurrentHashMap<>();

  /**
   * The body as {@code type}, parsed straight from its bytes; Jackson's exceptions reach {@link
   * ApiErrors}. An empty body or a bare {@code null} is a 400.
   */
  <T> T read(Context ctx, Class<T> type) throws IOException {
    byte[] body = body(ctx);
    if (body.length == 0)
      throw ApiException.badRequest("the request body is empty: send a JSON object");
    T value =
        READERS
            .computeIfAbsent(type, MAPPER::readerFor)
            .readValue(body); // a bare null reads as null
    if (value == null)
      throw ApiException.badRequest("the request body is null: send a JSON object");
    return value;
  }

  /**
   * The body as a JSON tree, for a body that holds a secret: a parse error says where, never what
   * (Jackson's messages quote the text they stumbled on).
   */
  com.fasterxml.jackson.databind.JsonNode readTree(Context ctx) throws IOException {
    byte[] body = body(ctx);
    if (body.length == 0)
      throw ApiException.badRequest("the request body is empty: send a JSON object");
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(
          "malformed JSON"
              + (e.getLocation() == null
                  ? ""
                  : " at line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()));
    }
  }

  static void write(Context ctx, int status, Object value) {
    try {
      ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The body's bytes. With a small {@code Content-Length} exactly that many are read and no more:
   * the connection's framing ends the body there, and a read past it would only ask Jetty for an
   * end it already knows.
   */
  private byte[] body(Context ctx) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBodyBytes) throw tooLarge();
    if (declared >= 0 && declared <= EXACT_READ_BYTES) return declaredBody(ctx, (int) declared);
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      if (body.length > maxBodyBytes) throw tooLarge();
      return body;
    }
  }

  private static byte[] declaredBody(Context ctx, int length) throws IOException {
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = new byte[length];
      int read = in.readNBytes(body, 0, length);
      return read == length ? body : Arrays.copyOf(body, read);
    }
  }

  private ApiException tooLarge() {
    return new ApiException(
        413,
        "the request body is larger than "
            + maxBodyBytes
            + " bytes (SCIM_MAX_BODY_BYTES); send less, or use POST /api/v1/import for bulk loads");
  }
}
