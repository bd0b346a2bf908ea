package io.scimfleet.mapping;

import static io.scimfleet.mapping.JsonAssertions.json;
import static io.scimfleet.mapping.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.PropertyMapping;
import io.scimfleet.schema.ScimSchemaValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MappedResourcesMatchSchemaTest {
  private static final ScimSchemaValidator VALIDATOR = new ScimSchemaValidator();
  private static final Path DOCS = Path.of("..", "docs", "mappings.md");

  @Test
  void defaultMappingsOfAFullAndAMinimalUserValidate() {
    Mappings users = Mappings.compile(DefaultMappings.users());

    assertThat(
            VALIDATOR.validate(
                ObjectType.USER,
                users.map(
                    aUser()
                        .named("Ada Lovelace")
                        .withEmail("ada@example.org")
                        .with("givenName", "Ada")
                        .input())))
        .isEmpty();
    assertThat(VALIDATOR.validate(ObjectType.USER, users.map(aUser().inactive().input())))
        .isEmpty();
  }

  @Test
  void defaultMappingsOfAGroupValidate() {
    ObjectNode group =
        Mappings.compile(DefaultMappings.groups())
            .map(
                MappingInput.group(
                    DirectoryGroup.of("g-1", "Engineers"), List.of(new GroupMember("u-1", "r-1"))));

    assertThat(VALIDATOR.validate(ObjectType.GROUP, group)).isEmpty();
  }

  @Test
  void theDocumentedEnterpriseExampleAddsAValidExtension() throws IOException {
    Mappings users =
        Mappings.compile(
            DefaultMappings.overlay(DefaultMappings.users(), List.of(enterpriseExample())));

    ObjectNode user =
        users.map(aUser().with("employeeNumber", 1234).with("department", "R&D").input());

    assertThat(user.get("schemas"))
        .isEqualTo(
            json(
                "['urn:ietf:params:scim:schemas:core:2.0:User',"
                    + "'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User']"));
    assertThat(user.get(ScimSchemaValidator.ENTERPRISE_USER_SCHEMA))
        .isEqualTo(json("{'employeeNumber':'1234','department':'R&D'}"));
    assertThat(VALIDATOR.validate(ObjectType.USER, user)).isEmpty();
  }

  @Test
  void theDocumentedEnterpriseExampleAddsNothingWithoutItsAttributes() throws IOException {
    Mappings users =
        Mappings.compile(
            DefaultMappings.overlay(DefaultMappings.users(), List.of(enterpriseExample())));

    assertThat(users.map(aUser().input()))
        .isEqualTo(Mappings.compile(DefaultMappings.users()).map(aUser().input()));
  }

  /**
   * The {@code 70-enterprise} block of docs/mappings.md, so that the documented example is the
   * tested one.
   */
  private static PropertyMapping enterpriseExample() throws IOException {
    assertThat(DOCS).as("docs/mappings.md, read from the scim-api module directory").exists();
    String docs = Files.readString(DOCS);
    int marker = docs.indexOf("<!-- example: 70-enterprise -->");
    int start = docs.indexOf("```jsonata\n", marker) + "```jsonata\n".length();
    int end = docs.indexOf("\n```", start);
    assertThat(marker).as("the 70-enterprise example marker in docs/mappings.md").isNotNegative();
    return new PropertyMapping("70-enterprise", docs.substring(start, end));
  }
}
