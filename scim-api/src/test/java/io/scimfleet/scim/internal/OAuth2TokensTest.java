package io.scimfleet.scim.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How long a token is used: until a tenth of its lifetime, at most 30 s, before it expires. */
class OAuth2TokensTest {
  @ParameterizedTest(name = "expires_in {0} s: used {1} ms")
  @CsvSource({
    "2, 1800",
    "5, 4500",
    "100, 90000",
    "300, 270000",
    "3600, 3570000",
    "0, 3600000",
    "-1, 3600000"
  })
  void aTokenIsUsedUntilShortlyBeforeItExpires(long expiresIn, long usedMillis) {
    assertThat(OAuth2Tokens.keep(expiresIn)).isEqualTo(Duration.ofMillis(usedMillis));
  }
}
