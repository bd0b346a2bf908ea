package io.scimfleet.worker.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.mapping.DefaultMappings;
import io.scimfleet.mapping.MappingInput;
import io.scimfleet.mapping.Mappings;
import io.scimfleet.model.DirectoryUser;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tree is hashed from the same canonical text as the older copy into maps: stored hashes stay
 * valid.
 */
class PayloadHashTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void theCanonicalTextIsTheOneTheMapsGaveForRandomTrees() {
    Random random = new Random(3);
    for (int i = 0; i < 5_000; i++) {
      JsonNode tree = randomObject(random, 0);
      assertThat(new String(PayloadHash.canonical(tree), StandardCharsets.UTF_8))
          .as("%s", tree)
          .isEqualTo(new String(PayloadHash.viaMaps(tree), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aMappedUserKeepsTheHashItHadBefore() {
    ObjectNode payload =
        Mappings.compile(DefaultMappings.users())
            .map(
                MappingInput.user(
                    new DirectoryUser(
                        "u1", "ada", "Ada Lovelace", "ada@example.org", true, Map.of())));

    assertThat(PayloadHash.of(payload))
        .isEqualTo(java.util.HexFormat.of().formatHex(sha(PayloadHash.viaMaps(payload))));
    ObjectNode decimal = payload.deepCopy().put("weight", new BigDecimal("1.50"));
    assertThat(PayloadHash.of(decimal))
        .isEqualTo(java.util.HexFormat.of().formatHex(sha(PayloadHash.viaMaps(decimal))));
  }

  @Test
  void hashesTakenOneAfterTheOtherOnOneThreadAreEachTheirOwnPayloads() {
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      JsonNode tree = randomObject(random, 0);
      assertThat(PayloadHash.of(tree))
          .as("%s", tree)
          .isEqualTo(java.util.HexFormat.of().formatHex(sha(PayloadHash.canonical(tree))));
    }
  }

  private static byte[] sha(byte[] text) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(text);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode randomObject(Random random, int depth) {
    ObjectNode object = NODES.objectNode();
    for (int n = random.nextInt(6); n > 0; n--) object.set(key(random), value(random, depth + 1));
    return object;
  }

  private static JsonNode value(Random random, int depth) {
    return switch (random.nextInt(depth > 3 ? 7 : 9)) {
      case 0 -> NODES.textNode("t\u00e9\"\\\n" + random.nextInt(100));
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2 -> NODES.nullNode();
      case 3 -> NODES.numberNode(random.nextInt());
      case 4 -> NODES.numberNode(random.nextLong());
      case 5 -> NODES.numberNode(random.nextDouble() * 1e6);
      case 6 -> NODES.textNode("😀 " + key(random));
      case 7 -> randomObject(random, depth);
      default -> {
        ArrayNode array = NODES.arrayNode();
        for (int n = random.nextInt(4); n > 0; n--) array.add(value(random, depth + 1));
        yield array;
      }
    };
  }

  private static String key(Random random) {
    String[] keys = {"a", "B", "b", "userName", "émails", "_x", "10", "2", "", "zz"};
    return keys[random.nextInt(keys.length)];
  }
}
