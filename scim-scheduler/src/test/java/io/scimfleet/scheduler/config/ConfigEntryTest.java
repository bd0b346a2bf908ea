package io.scimfleet.scheduler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ConfigEntryTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  record Thing(String colour) {}

  @Test
  void theNameLeavesTheFieldsAndLabelsTheEntry() throws Exception {
    ConfigEntry entry =
        ConfigEntry.of("f.yaml entry 1", json("{\"name\":\"crm\",\"colour\":\"red\"}"), "thing");

    assertThat(entry.name()).isEqualTo("crm");
    assertThat(entry.label()).isEqualTo("f.yaml entry 1 (crm)");
    assertThat(entry.fields().has("name")).isFalse();
    assertThat(entry.convert(JSON, Thing.class, Thing::colour)).isEqualTo("red");
  }

  @Test
  void everyRefusalSaysWhereTheEntryStands() throws Exception {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ConfigEntry.of("f.yaml entry 2", json("[1]"), "thing"))
        .withMessage("f.yaml entry 2 must be a mapping of thing fields");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ConfigEntry.of("f.yaml entry 3", json("{\"name\":7}"), "thing"))
        .withMessage("f.yaml entry 3: 'name' is required");

    ConfigEntry unknown = ConfigEntry.of("e", json("{\"name\":\"a\",\"size\":1}"), "thing");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> unknown.convert(JSON, Thing.class, Thing::colour))
        .withMessage("e (a): unknown field 'size'");

    ConfigEntry refused = ConfigEntry.of("e", json("{\"name\":\"b\",\"colour\":\"red\"}"), "thing");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                refused.convert(
                    JSON,
                    Thing.class,
                    thing -> {
                      throw new IllegalStateException("no " + thing.colour() + " things");
                    }))
        .withMessage("e (b): no red things");
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }
}
