package io.scimfleet.scheduler.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "plain text               | plain text",
        "<script>alert(1)</script> | &lt;script&gt;alert(1)&lt;/script&gt;",
        "a & b                    | a &amp; b",
        "`\" onmouseover=\"x`      | &quot; onmouseover=&quot;x",
        "it's                     | it&#39;s",
        "&amp;                    | &amp;amp;",
        "Zoë 日本                 | Zoë 日本"
      })
  void escapeMakesAnyValueSafeAsTextAndAsAQuotedAttribute(String value, String escaped) {
    assertThat(Html.escape(value)).isEqualTo(escaped);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "crm               | crm",
        "a b/c?d=e&f       | a%20b%2Fc%3Fd%3De%26f",
        "<x>               | %3Cx%3E",
        "ümlaut            | %C3%BCmlaut"
      })
  void urlEncodesOneSegmentSoItCannotLeaveIt(String value, String encoded) {
    assertThat(Html.url(value)).isEqualTo(encoded);
  }

  @org.junit.jupiter.api.Test
  void nullIsEmpty() {
    assertThat(Html.escape(null)).isEmpty();
  }
}
