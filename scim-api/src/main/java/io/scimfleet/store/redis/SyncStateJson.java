package io.scimfleet.store.redis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.scimfleet.model.SyncOutcome;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes a {@link StoredSyncState} token by token: a full sync reads every object's state
 * (twice on the Bulk path) and writes it, and Jackson's record binding with its ISO-8601 instant
 * parser was a tenth of the worker's CPU per object. It writes exactly what {@link RedisJson}
 * writes (fields in order, null and empty values left out, instants as ISO-8601). Anything the
 * reader does not expect (a number for the time, a nested object) returns null, and the caller
 * falls back to the mapper.
 */
final class SyncStateJson {
  private static final JsonFactory JSON = new JsonFactory();

  private SyncStateJson() {}

  /**
   * The state, or null when the text is not in the shape {@link StoredSyncState#write} gives it.
   */
  static @Nullable StoredSyncState read(String json) {
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) return null;
      String remoteId = null, version = null, hash = null, error = null, password = null;
      List<String> members = null, paths = null;
      Instant time = null;
      SyncOutcome outcome = null;
      for (JsonToken token = parser.nextToken();
          token == JsonToken.FIELD_NAME;
          token = parser.nextToken()) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "r" -> remoteId = text(parser, value);
          case "v" -> version = text(parser, value);
          case "h" -> hash = text(parser, value);
          case "e" -> error = text(parser, value);
          case "m" -> members = texts(parser, value);
          case "p" -> paths = texts(parser, value);
          case "pw" -> password = text(parser, value);
          case "t" ->
              time =
                  value == JsonToken.VALUE_NULL
                      ? null
                      : instant(Objects.requireNonNull(text(parser, value)));
          case "o" ->
              outcome =
                  value == JsonToken.VALUE_NULL
                      ? null
                      : SyncOutcome.valueOf(Objects.requireNonNull(text(parser, value)));
          default -> parser.skipChildren(); // a field a newer fleet wrote
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT) return null;
      return new StoredSyncState(
          remoteId, version, hash, members, time, outcome, error, paths, password);
    } catch (IOException | RuntimeException unexpected) {
      return null;
    }
  }

  /** The state as {@link RedisJson#write} writes it. */
  static String write(StoredSyncState state) {
    StringWriter json = new StringWriter(160);
    try (JsonGenerator out = JSON.createGenerator(json)) {
      out.writeStartObject();
      field(out, "r", state.remoteId());
      field(out, "v", state.version());
      field(out, "h", state.payloadHash());
      field(out, "m", state.membersSent());
      field(out, "t", state.time() == null ? null : state.time().toString());
      field(out, "o", state.outcome() == null ? null : state.outcome().name());
      field(out, "e", state.lastError());
      field(out, "p", state.pathsSent());
      field(out, "pw", state.password());
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return json.toString();
  }

  private static void field(JsonGenerator out, String name, @Nullable String value)
      throws IOException {
    if (value != null && !value.isEmpty()) out.writeStringField(name, value);
  }

  private static void field(JsonGenerator out, String name, @Nullable List<String> values)
      throws IOException {
    if (values == null || values.isEmpty()) return;
    out.writeArrayFieldStart(name);
    for (String value : values) if (value != null) out.writeString(value);
    out.writeEndArray();
  }

  private static @Nullable String text(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) return null;
    if (value != JsonToken.VALUE_STRING) throw new IllegalArgumentException("not text: " + value);
    return parser.getText();
  }

  private static @Nullable List<String> texts(JsonParser parser, JsonToken value)
      throws IOException {
    if (value == JsonToken.VALUE_NULL) return null;
    if (value != JsonToken.START_ARRAY) throw new IllegalArgumentException("not a list: " + value);
    List<String> items = new ArrayList<>();
    for (JsonToken item = parser.nextToken();
        item != JsonToken.END_ARRAY;
        item = parser.nextToken()) {
      items.add(text(parser, item));
    }
    return items;
  }

  /**
   * {@code 2025-01-01T00:00:00Z} or with a fraction of 1–9 digits, as Jackson writes instants; else
   * {@link Instant#parse}.
   */
  static Instant instant(String text) {
    int length = text.length();
    if (length < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(length - 1) != 'Z') {
      return Instant.parse(text);
    }
    int nanos = 0;
    if (length > 20) {
      int digits = length - 21;
      if (text.charAt(19) != '.' || digits < 1 || digits > 9) return Instant.parse(text);
      nanos = digits(text, 20, length - 1);
      for (int i = digits; i < 9; i++) nanos *= 10;
    }
    LocalDateTime time =
        LocalDateTime.of(
            digits(text, 0, 4),
            digits(text, 5, 7),
            digits(text, 8, 10),
            digits(text, 11, 13),
            digits(text, 14, 16),
            digits(text, 17, 19),
            nanos);
    return time.toInstant(ZoneOffset.UTC);
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') throw new IllegalArgumentException("not a digit in " + text);
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
