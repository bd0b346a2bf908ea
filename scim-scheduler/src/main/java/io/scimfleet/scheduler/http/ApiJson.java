package io.scimfleet.scheduler.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

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

  private final long maxBodyBytes;

  ApiJson(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * The body as {@code type}; Jackson's exceptions reach {@link ApiErrors}. An empty body or a bare
   * {@code null} is a 400.
   */
  <T> T read(Context ctx, Class<T> type) throws IOException {
    byte[] body = body(ctx);
    if (body.length == 0)
      throw ApiException.badRequest("the request body is empty: send a JSON object");
    T value = MAPPER.readValue(body, type); // a bare null reads as null
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
      ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] body(Context ctx) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBodyBytes) throw tooLarge();
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      if (body.length > maxBodyBytes) throw tooLarge();
      return body;
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
