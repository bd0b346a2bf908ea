package io.scimfleet.mapping;

import static io.scimfleet.mapping.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeFilterTest {
  private static final MappingInput SALES_USER = aUser().with("department", "Sales").input();

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\n"})
  void aBlankFilterIncludesEverything(String expression) {
    assertThat(ScopeFilter.compile(expression).includes(SALES_USER)).isTrue();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "attributes.department = 'Sales'       | true",
        "attributes.department = 'Engineering' | false",
        "active                                | true",
        "attributes.missing                    | false",
        "attributes.department                 | true",
        "\"\"                                  | false",
        "0                                     | false",
        "[]                                    | false",
        "{}                                    | false",
        "null                                  | false",
        "1                                     | true",
        "$contains(username, 'ad')             | true"
      })
  void aFilterIncludesWhatIsTruthyInJsonata(String expression, boolean included) {
    assertThat(ScopeFilter.compile(expression).includes(SALES_USER)).isEqualTo(included);
  }

  @Test
  void aFilterThatDoesNotCompileIsAMappingError() {
    assertThatThrownBy(() -> ScopeFilter.compile("attributes.department = "))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("mapping 'scope filter': does not compile");
  }

  @Test
  void aFilterThatFailsToEvaluateIsAMappingError() {
    ScopeFilter filter = ScopeFilter.compile("$number(username) > 1");

    assertThatThrownBy(() -> filter.includes(SALES_USER))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("mapping 'scope filter': failed to evaluate");
  }
}
