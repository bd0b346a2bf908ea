package io.scimfleet.scheduler.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.mapping.DefaultMappings;
import io.scimfleet.model.DirectoryUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScimUsersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<String> enterpriseAttributes() {
    return DefaultMappings.ENTERPRISE_ATTRIBUTES.stream();
  }

  /** What the default mappings send in the Enterprise extension, the endpoint keeps and returns. */
  @ParameterizedTest
  @MethodSource("enterpriseAttributes")
  void everyEnterpriseAttributeTheDefaultMappingsSendIsKeptUnderItsName(String attribute) {
    ObjectNode scim = JSON.createObjectNode().put("userName", "ada");
    scim.putObject(DefaultMappings.ENTERPRISE_USER_SCHEMA).put(attribute, "v-" + attribute);

    DirectoryUser user = ScimUsers.toDirectory(scim, "u-1", Map.of());

    assertThat(user.attributes()).containsEntry(attribute, "v-" + attribute);
    assertThat(
            ScimUsers.toScim(user, Optional.empty(), List.of(), "/Users/u-1", id -> id)
                .path(DefaultMappings.ENTERPRISE_USER_SCHEMA)
                .path(attribute)
                .asText())
        .isEqualTo("v-" + attribute);
  }
}
