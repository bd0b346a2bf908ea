package io.scimfleet.worker.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts as drift: what was sent, changed; not what the target adds on its own. */
class ManagedAttributesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectNode SENT =
      object(
          """
      {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada","active":true,
       "name":{"givenName":"Ada","familyName":"Lovelace"},
       "emails":[{"value":"ada@example.org","type":"work","primary":true},{"value":"a@example.org"}]}""");

  @Test
  void whatTheTargetAddsOnItsOwnIsNoDifference() {
    JsonNode onTarget =
        object(
            """
        {"id":"R1","meta":{"resourceType":"User"},"UserName":"ada","active":"true",
         "name":{"givenName":"Ada","familyName":"Lovelace","formatted":"Ada Lovelace"},
         "emails":[{"value":"a@example.org","primary":false},{"value":"ada@example.org","type":"work","primary":true}]}""");

    assertThat(
            ManagedAttributes.differ(
                SENT, onTarget, List.of("userName", "active", "name", "emails")))
        .isFalse();
  }

  @Test
  void textInAnotherCaseAndFalseLeftOutAreNoDifference() {
    ObjectNode sent =
        object(
            "{\"userName\":\"Ada\",\"emails\":[{\"value\":\"Ada@Example.org\",\"primary\":false}]}");
    JsonNode onTarget =
        object("{\"userName\":\"ada\",\"emails\":[{\"value\":\"ada@example.org\"}]}");

    assertThat(ManagedAttributes.differ(sent, onTarget, List.of())).isFalse();
  }

  @Test
  void aValueChangedRemovedOrAddedToAListIsADifference() {
    assertThat(ManagedAttributes.differ(SENT, with("userName", "\"mallory\""), List.of())).isTrue();
    assertThat(ManagedAttributes.differ(SENT, with("name", "{\"givenName\":\"Ada\"}"), List.of()))
        .isTrue();
    assertThat(ManagedAttributes.differ(SENT, with("active", "null"), List.of())).isTrue();
    assertThat(
            ManagedAttributes.differ(
                SENT,
                with(
                    "emails",
                    "[{\"value\":\"ada@example.org\",\"type\":\"work\",\"primary\":true},{\"value\":\"a@example.org\"},{\"value\":\"x@evil.org\"}]"),
                List.of()))
        .isTrue();
  }

  @Test
  void anAttributeSentBeforeThatTheMappingsDroppedIsADifferenceWhileTheTargetHoldsIt() {
    ObjectNode onTarget = SENT.deepCopy();
    onTarget.put("title", "Engineer");

    assertThat(ManagedAttributes.differ(SENT, onTarget, List.of("userName", "title"))).isTrue();
    assertThat(ManagedAttributes.differ(SENT, onTarget, List.of("userName")))
        .as("never ours")
        .isFalse();
  }

  @Test
  void membersAreTheRemoteIdsListedOrNullWhenNotListed() {
    assertThat(
            ManagedAttributes.members(
                object(
                    "{\"members\":[{\"value\":\"R1\",\"display\":\"ada\"},{\"value\":\"R2\"}]}")))
        .containsExactlyInAnyOrder("R1", "R2");
    assertThat(ManagedAttributes.members(object("{\"displayName\":\"staff\"}"))).isNull();
  }

  private static ObjectNode with(String field, String value) {
    ObjectNode copy = SENT.deepCopy();
    copy.set(field, object("{\"v\":" + value + "}").get("v"));
    return copy;
  }

  private static ObjectNode object(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
