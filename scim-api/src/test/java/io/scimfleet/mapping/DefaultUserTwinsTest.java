package io.scimfleet.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.PropertyMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Java twins of the built-in user mappings map every user exactly as their JSONata does. */
class DefaultUserTwinsTest {
  private static final String[] PIECES = {
    "Ada",
    "Lovelace",
    "de",
    "Ñoño",
    "X",
    " ",
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\u00a0",
    "\u000b",
    "\f",
    "\u2003",
    "O'Neil",
    "-",
    "😀",
    ""
  };
  private static final Object[] ATTRIBUTES = {
    null,
    "",
    "Grace",
    "  ",
    0,
    7,
    true,
    false,
    List.of(),
    List.of("a"),
    List.of("a", "b"),
    Map.of(),
    Map.of("x", 1)
  };

  private static final List<String> OTHER_ATTRIBUTES =
      List.of(
          "title",
          "nickName",
          "locale",
          "phoneNumbers",
          "employeeNumber",
          "department",
          "costCenter",
          "manager");

  private final Mappings twins = Mappings.compile(DefaultMappings.users(), true);
  private final Mappings jsonata = Mappings.compile(DefaultMappings.users(), false);

  @Test
  void everyRandomUserMapsAsTheJsonataMapsIt() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      MappingInput input = randomInput(random, randomUser(random, i));
      assertThat(twins.map(input)).as("%s", input.json()).isEqualTo(jsonata.map(input));
    }
  }

  @Test
  void aMappingThatIsNotTheBuiltInOneIsEvaluatedAsWritten() {
    List<PropertyMapping> mappings = new ArrayList<>(DefaultMappings.users());
    mappings.removeIf(m -> m.name().equals("40-displayName"));
    mappings.add(new PropertyMapping("40-displayName", "{\"displayName\": $uppercase(username)}"));

    assertThat(
            Mappings.compile(mappings)
                .map(MappingInput.user(DirectoryUser.of("u1", "ada")))
                .path("displayName")
                .asText())
        .isEqualTo("ADA");
    assertThat(DefaultUserTwins.of("{\"displayName\": $uppercase(username)}")).isEmpty();
  }

  @Test
  void theTwinsAnswerAPlainUserThemselves() {
    Map<String, Object> plain =
        MappingInput.user(
                new DirectoryUser(
                    "u1",
                    "ada",
                    "Ada Lovelace",
                    "ada@example.org",
                    true,
                    Map.of("givenName", "Augusta")))
            .json();

    for (PropertyMapping mapping : DefaultMappings.users()) {
      assertThat(DefaultUserTwins.of(mapping.expression()).orElseThrow().apply(plain))
          .as(mapping.name())
          .isNotSameAs(DefaultUserTwins.UNSURE);
    }
  }

  private static DirectoryUser randomUser(Random random, int i) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (random.nextBoolean())
      attributes.put("givenName", ATTRIBUTES[random.nextInt(ATTRIBUTES.length)]);
    if (random.nextBoolean())
      attributes.put("familyName", ATTRIBUTES[random.nextInt(ATTRIBUTES.length)]);
    if (random.nextInt(5) == 0) attributes.put("title", "Engineer");
    for (String key : OTHER_ATTRIBUTES) {
      if (random.nextInt(4) == 0)
        attributes.put(key, ATTRIBUTES[random.nextInt(ATTRIBUTES.length)]);
    }
    String name = random.nextInt(6) == 0 ? null : text(random);
    String email =
        switch (random.nextInt(4)) {
          case 0 -> null;
          case 1 -> "";
          default -> "u" + i + "@example.org";
        };
    String username = random.nextInt(10) == 0 ? "" : "user" + i;
    return new DirectoryUser(
        "id" + i, username, name, email, random.nextBoolean(), attributesOrNull(attributes));
  }

  /** Without a target, or for one that announces the extension or not, with a manager or not. */
  private static MappingInput randomInput(Random random, DirectoryUser user) {
    return switch (random.nextInt(4)) {
      case 0 -> MappingInput.user(user);
      case 1 -> MappingInput.user(user, new UserTarget(Set.of(), null));
      case 2 ->
          MappingInput.user(
              user,
              new UserTarget(
                  Set.of(DefaultMappings.ENTERPRISE_USER_SCHEMA, "urn:example:other"), null));
      default ->
          MappingInput.user(
              user,
              new UserTarget(
                  Set.of(DefaultMappings.ENTERPRISE_USER_SCHEMA),
                  new UserTarget.Manager("m-1", "R-1")));
    };
  }

  private static Map<String, Object> attributesOrNull(Map<String, Object> attributes) {
    attributes
        .values()
        .removeIf(java.util.Objects::isNull); // Map.copyOf in DirectoryUser refuses nulls
    return attributes;
  }

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    for (int n = random.nextInt(6); n > 0; n--) text.append(PIECES[random.nextInt(PIECES.length)]);
    return text.toString();
  }
}
