package io.scimfleet.worker.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A stable hash of a payload (keys sorted), so that an unchanged object costs no request. The
 * canonical text is written straight from the tree; a tree holding anything but objects, arrays,
 * text, booleans, nulls, ints, longs and doubles goes the older way (copied into maps, then
 * written), which gives the same text for the rest, so stored hashes stay valid.
 */
final class PayloadHash {
  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  /**
   * One digest per thread, reset by each {@code digest}: looking SHA-256 up for every payload was
   * an eighth of the hash's time.
   */
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(PayloadHash::newSha256);

  private PayloadHash() {}

  static String of(JsonNode payload) {
    return HexFormat.of().formatHex(sha256(plain(payload) ? canonical(payload) : viaMaps(payload)));
  }

  /** The canonical text the older way: the tree copied into maps, written with sorted keys. */
  static byte[] viaMaps(JsonNode payload) {
    try {
      Object sorted = CANONICAL.treeToValue(payload, Object.class);
      return CANONICAL.writeValueAsString(sorted).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot hash payload", e);
    }
  }

  /**
   * Through a Writer, as {@code writeValueAsString} does (a byte stream would escape surrogate
   * pairs).
   */
  static byte[] canonical(JsonNode payload) {
    StringWriter text = new StringWriter(512);
    try (JsonGenerator out = CANONICAL.getFactory().createGenerator(text)) {
      write(out, payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void write(JsonGenerator out, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<String> names = new ArrayList<>(node.size());
        node.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        out.writeStartObject();
        for (String name : names) {
          out.writeFieldName(name);
          write(out, node.get(name));
        }
        out.writeEndObject();
      }
      case ARRAY -> {
        out.writeStartArray();
        for (JsonNode item : node) write(out, item);
        out.writeEndArray();
      }
      case STRING -> out.writeString(node.textValue());
      case BOOLEAN -> out.writeBoolean(node.booleanValue());
      case NULL -> out.writeNull();
      case NUMBER -> {
        if (node.isInt()) out.writeNumber(node.intValue());
        else if (node.isLong()) out.writeNumber(node.longValue());
        else out.writeNumber(node.doubleValue());
      }
      default -> throw new IllegalStateException("not a plain JSON node: " + node.getNodeType());
    }
  }

  /** Only the node kinds {@link #write} writes as the maps would be written. */
  private static boolean plain(JsonNode node) {
    JsonNodeType type = node.getNodeType();
    if (type == JsonNodeType.OBJECT || type == JsonNodeType.ARRAY) {
      for (JsonNode child : node) if (!plain(child)) return false;
      return true;
    }
    if (type == JsonNodeType.NUMBER) return node.isInt() || node.isLong() || node.isDouble();
    return type == JsonNodeType.STRING || type == JsonNodeType.BOOLEAN || type == JsonNodeType.NULL;
  }

  private static byte[] sha256(byte[] text) {
    return SHA256.get().digest(text);
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256", e);
    }
  }
}
