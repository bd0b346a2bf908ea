package io.scimfleet.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.testing.TestSecurity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretBoxTest {
  /** "legacy-token" sealed by the first format with {@link TestSecurity#BOX}'s key. */
  static final String V1_LEGACY_TOKEN =
      "sealed:v1:4bb06f8e:Hs2asXUbMyJ1MhrAL9x4Avhjn62Fo_wkaylWxyDH0iVnvNKGVe_KXg";

  private static final SecretBinding SLACK = SecretBinding.provider("slack", "token");
  private static final byte[] OLD = TestSecurity.key((byte) 1);
  private static final byte[] NEW = TestSecurity.key((byte) 2);

  @TempDir Path dir;

  @Test
  void aSealedSecretOpensAndShowsNothingOfTheClearText() {
    SecretBox box = SecretBox.of(NEW);
    String sealed = box.seal("xoxp-clear-token", SLACK);

    assertThat(sealed)
        .startsWith("sealed:v2:" + box.keyId() + ":")
        .doesNotContain("xoxp-clear-token");
    assertThat(box.seal("xoxp-clear-token", SLACK)).isNotEqualTo(sealed);
    assertThat(box.open(sealed, SLACK)).isEqualTo("xoxp-clear-token");
  }

  @Test
  void afterARotationThePreviousKeyStillOpensAndTheValueIsMarkedForResealing() {
    String sealedWithOld = SecretBox.of(OLD).seal("t0ken", SLACK);
    SecretBox rotated = SecretBox.of(NEW, OLD);

    assertThat(rotated.open(sealedWithOld, SLACK)).isEqualTo("t0ken");
    assertThat(rotated.isCurrent(sealedWithOld)).isFalse();
    assertThat(rotated.isCurrent(rotated.seal("t0ken", SLACK))).isTrue();
    assertThatThrownBy(() -> SecretBox.of(NEW).open(sealedWithOld, SLACK))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining("SCIM_SECRET_KEY_PREVIOUS");
  }

  @Test
  void aTamperedValueDoesNotOpen() {
    SecretBox box = SecretBox.of(NEW);
    String sealed = box.seal("t0ken", SLACK);
    char last = sealed.charAt(sealed.length() - 1);
    String tampered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');

    assertThatThrownBy(() -> box.open(tampered, SLACK))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining("does not open");
  }

  @Test
  void theKeyComesFromTheVariableOrAFileAsOpensslPrintsIt() throws IOException {
    String base64 = Base64.getEncoder().encodeToString(NEW);
    Path file = Files.writeString(dir.resolve("key"), base64 + "\n");

    assertThat(SecretBox.fromEnv(Map.of("SCIM_SECRET_KEY", base64)).orElseThrow().keyId())
        .isEqualTo(SecretBox.of(NEW).keyId());
    assertThat(
            SecretBox.fromEnv(Map.of("SCIM_SECRET_KEY_FILE", file.toString()))
                .orElseThrow()
                .keyId())
        .isEqualTo(SecretBox.of(NEW).keyId());
    assertThat(SecretBox.fromEnv(Map.of())).isEmpty();
  }

  @Test
  void aKeyThatIsNot32BytesIsRefusedWithHowToMakeOne() {
    assertThatThrownBy(() -> SecretBox.fromEnv(Map.of("SCIM_SECRET_KEY", "c2hvcnQ=")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("openssl rand -base64 32");
    assertThatThrownBy(() -> SecretBox.fromEnv(Map.of("SCIM_SECRET_KEY", "not base64 at all!")))
        .hasMessageContaining("openssl rand -base64 32");
  }

  @Test
  void aSealedValueOpensOnlyWhereItWasSealed() {
    SecretBox box = SecretBox.of(NEW);
    String slackToken = box.seal("t0ken", SLACK);
    String password = box.seal("pw", SecretBinding.password("u1"));

    assertThat(box.open(slackToken, SLACK)).isEqualTo("t0ken");
    assertThat(box.open(password, SecretBinding.password("u1"))).isEqualTo("pw");
    for (SecretBinding elsewhere :
        List.of(
            SecretBinding.provider("github", "token"),
            SecretBinding.provider("slack", "clientSecret"),
            SecretBinding.provider("slack", "password"),
            SecretBinding.password("slack")))
      assertThatThrownBy(() -> box.open(slackToken, elsewhere))
          .isInstanceOf(SecretException.class)
          .hasMessageContaining("sealed for another place");
    assertThatThrownBy(() -> box.open(password, SecretBinding.password("u2")))
        .isInstanceOf(SecretException.class);
  }

  @Test
  void aValueOfTheFirstFormatStillOpensAndIsMarkedForResealing() {
    assertThat(TestSecurity.BOX.open(V1_LEGACY_TOKEN, SLACK)).isEqualTo("legacy-token");
    assertThat(TestSecurity.BOX.isCurrent(V1_LEGACY_TOKEN)).isFalse();
    assertThat(TestSecurity.BOX.isCurrent(TestSecurity.BOX.seal("t", SLACK))).isTrue();
  }

  @Test
  void aClearValueIsNeverOpened() {
    assertThatThrownBy(() -> TestSecurity.BOX.open("clear-token", SLACK))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining("not a sealed secret");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI", // no padding
        "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI*=", // a character outside base64
        "AgICAgICAgICAgICAgICAgICA\ngICAgICAgICAgICAgICAgI=", // a line break inside
        "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgJ=", // non-zero trailing bits
        "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg-=", // base64url
      })
  void aKeyThatIsNotStrictBase64IsRefusedWithoutShowingIt(String key) {
    assertThatThrownBy(() -> SecretBox.fromEnv(Map.of("SCIM_SECRET_KEY", key)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCIM_SECRET_KEY must be the base64 of 32 random bytes")
        .hasMessageNotContaining(key);
  }
}
