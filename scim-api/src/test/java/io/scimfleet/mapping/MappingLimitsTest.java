package io.scimfleet.mapping;

import static io.scimfleet.mapping.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.dashjoin.jsonata.Jsonata;
import io.scimfleet.config.FleetSettings;
import io.scimfleet.model.PropertyMapping;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MappingLimitsTest {

  /** The limits {@link #mapping} compiles with (a process reads its own once, at start). */
  private MappingLimits limits = MappingLimits.defaults();

  private Mappings mapping(String expression) {
    return Mappings.compile(List.of(new PropertyMapping("40-evil", expression)), limits);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{'x': ($f := function($x){ $f($x) }; $f(1))}     | time limit of 1000 ms",
        "{'x': ($f := function($x){ 1 + $f($x) }; $f(1))} | depth limit of 200",
        "{'x': $sum([1..100000000])}                      | range limit of 10000000 elements",
        "{'x': $pad('', 100000000)}                       | string length limit of 65536",
        "{'x': $sum([1..1000].($sum([1..1000].($sum([1..1000])))))} | time limit of 1000 ms",
      })
  void anExpressionThatReachesALimitFailsNamingTheMappingAndTheLimitWithinThreeSeconds(
      String expression, String limit) {
    long start = System.nanoTime();

    assertThatThrownBy(() -> mapping(expression).map(aUser().input()))
        .isInstanceOf(MappingLimitException.class)
        .hasMessageContaining("mapping '40-evil'")
        .hasMessageContaining(limit);
    // the 1 s limit and its watchdog's quarter more (at most 1.12 s in 5 runs under load), with
    // room for a loaded machine's pauses: the expressions themselves run for minutes, or forever
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  /** Issue 24, item 2: the three ways around the limits that a review found. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // $eval started a fresh evaluation without the limits: an endless loop, an unbounded $pad
        "{'x': $eval('($f := function($n){ $f($n+1) }; $f(0))')} | refused function $eval",
        "{'x': $eval('$pad(\"\", 100000000)')}                  | refused function $eval",
        // no check ran after the first value of an object or array constructor
        "{'x': ($r := [0, 1..1000]; $sum($r.$r.$sum($r)))} | time limit of 1000 ms",
        "{'a': 1, 'x': [1..20000]}                      | array length limit of 10000 elements",
        // one built-in call made limit x limit before the step ended
        "{'x': ($s := $pad('', 60000); $join([1..1000].($s)))}   | string length limit of 65536",
        "{'x': ($s := $pad('', 60000); $string([1..1000].($s)))} | string length limit of 65536",
        "{'x': ($s := $pad('', 60000); [1..1000].($s) & '')}     | string length limit of 65536",
        "{'x': $replace($pad('', 60000), ' ', $pad('', 60000))}  | string length limit of 65536",
        "{'x': $replace($pad('', 60000), / /, $pad('', 60000))}  | string length limit of 65536",
        "{'x': $replace($pad('', 60000), / /, function($m){ $pad('', 60000) })}"
            + " | string length limit of 65536",
      })
  void theWaysAroundTheLimitsAreClosed(String expression, String limit) {
    Mappings evil = mapping(expression);

    Throwable thrown =
        assertTimeoutPreemptively(
            Duration.ofSeconds(2), () -> catchThrowable(() -> evil.map(aUser().input())));
    assertThat(thrown)
        .isInstanceOf(MappingLimitException.class)
        .hasMessageContaining("mapping '40-evil'")
        .hasMessageContaining(limit);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'a': 1, 'x': $split('abcdefghijkl', '')}",
        "[0, $split('abcdefghijkl', '')]",
      })
  void noStepIsLeftUncheckedAfterTheFirstValueOfAConstructor(String expression) {
    limits = new MappingLimits(Duration.ofSeconds(1), 200, 100, 10);

    assertThatThrownBy(() -> mapping(expression).map(aUser().input()))
        .isInstanceOf(MappingLimitException.class)
        .hasMessageContaining("array length limit of 10 elements");
  }

  @Test
  void aMegabyteStringFromTheDirectoryCannotBeJoinedAThousandTimes() {
    MappingInput input = aUser().with("photo", "x".repeat(1_000_000)).input();
    limits = new MappingLimits(Duration.ofSeconds(1), 200, 1_000_000, 10_000);

    assertThatThrownBy(
            () -> mapping("{'x': ($p := attributes.photo; $join([1..10000].($p)))}").map(input))
        .isInstanceOf(MappingLimitException.class)
        .hasMessageContaining("string length limit of 1000000");
  }

  @Test
  void theWatchdogFreesTheCallerOfAStepThatNeverEnds() {
    limits = new MappingLimits(Duration.ofMillis(200), 200, 65_536, 10_000);
    // catastrophic backtracking: one built-in call that the step checks never see
    String expression = "{'x': $contains('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', /(.*a){12}$/)}";
    Mappings backtracking = mapping(expression);

    Throwable thrown =
        assertTimeoutPreemptively(
            Duration.ofSeconds(1), () -> catchThrowable(() -> backtracking.map(aUser().input())));
    assertThat(thrown)
        .isInstanceOf(MappingLimitException.class)
        .hasMessageContaining("time limit of 200 ms");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "$pad('ab', 5)",
        "$pad('ab', -5, '#*')",
        "$pad('abc', 2)",
        "$pad('\u00e9\ud83d\ude00', -4, 'x\ud83d\ude00')",
        "$join(['a', 'b', 'c'], '-')",
        "$join('a')",
        "$string({'a': [1, 'x', true, null, 1.5]})",
        "$string({'a': [1, {'b': 'c'}]}, true)",
        "$string(1.5)",
        "$string('text')",
        "$string(username)",
        "$replace('a b  c', ' ', '_')",
        "$replace('a-b-c', '-', '+', 1)",
        "$replace('ada lovelace', /(\\w+)/, '<$1>')",
        "$replace('ada lovelace', /(\\w+) (\\w+)/, '$2, $1 $3')",
        "$replace('cost: 5', /\\d/, '$$1')",
        "$replace('abc', /x*/, '.')",
        "$replace('ab', /b/, function($m){ $uppercase($m.match) })",
        "$replace('a1b22', /(\\d+)/, function($m){ $string($count($m.groups)) })",
      })
  void boundedBuiltInsAnswerAsTheLibrarysOwn(String call) {
    String expression = "{'x': " + call + "}";
    MappingInput input = aUser().input();
    Object library = Jsonata.jsonata(expression).evaluate(input.json());

    assertThat(mapping(expression).map(input)).isEqualTo(JsonataValues.toJson(library));
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
    limits =
        FleetSettings.fromEnv(
                Map.of(
                    "SCIM_MAPPING_MAX_STRING",
                    "10",
                    "SCIM_MAPPING_MAX_DEPTH",
                    "500",
                    "SCIM_MAPPING_MAX_ARRAY",
                    "10",
                    "SCIM_MAPPING_TIMEOUT_MS",
                    "50"))
            .mappingLimits();

    assertThat(limits.maxDepth()).isEqualTo(500);
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
