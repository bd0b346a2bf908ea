package io.scimfleet.mapping;

import static io.scimfleet.mapping.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.model.PropertyMapping;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MappingLimitsTest {

  @AfterEach
  void restoreDefaults() {
    MappingLimits.use(MappingLimits.defaults());
  }

  private static Mappings mapping(String expression) {
    return Mappings.compile(List.of(new PropertyMapping("40-evil", expression)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{'x': ($f := function($x){ $f($x) }; $f(1))}     | time limit of 1000 ms",
        "{'x': ($f := function($x){ 1 + $f($x) }; $f(1))} | depth limit of 200",
        "{'x': $sum([1..100000000])}                      | range limit of 1000000 elements",
        "{'x': $pad('', 100000000)}                       | string length limit of 1000000",
        "{'x': $sum([1..1000].($sum([1..1000].($sum([1..1000])))))} | time limit of 1000 ms",
      })
  void anExpressionThatReachesALimitFailsNamingTheMappingAndTheLimitWithinTwoSeconds(
      String expression, String limit) {
    long start = System.nanoTime();

    assertThatThrownBy(() -> mapping(expression).map(aUser().input()))
        .isInstanceOf(MappingLimitException.class)
        .hasMessageContaining("mapping '40-evil'")
        .hasMessageContaining(limit);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aScopeFilterIsBoundedToo() {
    ScopeFilter endless = ScopeFilter.compile("($f := function($x){ $f($x) }; $f(1))");

    assertThatThrownBy(() -> endless.includes(aUser().input()))
        .isInstanceOf(MappingLimitException.class)
        .hasMessageContaining("mapping 'scope filter'");
  }

  @Test
  void theLimitsAreConfigurable() {
    MappingLimits.use(
        MappingLimits.fromEnv(
            Map.of(
                "SCIM_MAPPING_MAX_STRING",
                "10",
                "SCIM_MAPPING_MAX_DEPTH",
                "500",
                "SCIM_MAPPING_MAX_ARRAY",
                "10",
                "SCIM_MAPPING_TIMEOUT_MS",
                "50")));

    assertThat(MappingLimits.current().maxDepth()).isEqualTo(500);
    assertThatThrownBy(() -> mapping("{'x': $pad('', 11)}").map(aUser().input()))
        .hasMessageContaining("string length limit of 10 characters");
    assertThat(mapping("{'x': $pad('', 10)}").map(aUser().input()).get("x").asText()).hasSize(10);
    assertThatThrownBy(() -> mapping("{'x': [1..11]}").map(aUser().input()))
        .hasMessageContaining("array length limit of 10 elements");
    assertThatThrownBy(
            () -> mapping("{'x': ($f := function($x){ $f($x) }; $f(1))}").map(aUser().input()))
        .hasMessageContaining("time limit of 50 ms");
  }

  @Test
  void honestMappingsAndBoundedBuiltInsStillWork() {
    String expression =
        "{'x': $pad('ab', -4, '#'), 'n': $sum([1..1000]), "
            + "'r': ($f := function($n){ $n <= 1 ? 1 : $n * $f($n - 1) }; $f(10))}";

    assertThat(mapping(expression).map(aUser().input()).toString())
        .isEqualTo("{\"x\":\"##ab\",\"n\":500500,\"r\":3628800}");
  }

  @Test
  void aThreadThatHitALimitEvaluatesTheNextObjectNormally() {
    Mappings evil =
        mapping(
            "username = 'evil' ? ($f := function($x){ $f($x) }; $f(1)) : {'userName': username}");

    assertThatThrownBy(() -> evil.map(aUser().withUsername("evil").input()))
        .isInstanceOf(MappingLimitException.class);
    assertThat(evil.map(aUser().withUsername("ada").input()).get("userName").asText())
        .isEqualTo("ada");
  }
}
