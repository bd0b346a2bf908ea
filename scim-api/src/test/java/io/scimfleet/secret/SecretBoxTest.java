package io.scimfleet.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.testing.TestSecurity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
  private static final byte[] OLD = TestSecurity.key((byte) 1);
  private static final byte[] NEW = TestSecurity.key((byte) 2);

  @TempDir Path dir;

  @Test
  void aSealedSecretOpensAndShowsNothingOfTheClearText() {
    SecretBox box = SecretBox.of(NEW);
    String sealed = box.seal("xoxp-clear-token");

    assertThat(sealed)
        .startsWith("sealed:v1:" + box.keyId() + ":")
        .doesNotContain("xoxp-clear-token");
    assertThat(box.seal("xoxp-clear-token")).isNotEqualTo(sealed);
    assertThat(box.open(sealed)).isEqualTo("xoxp-clear-token");
  }

  @Test
  void afterARotationThePreviousKeyStillOpensAndTheValueIsMarkedForResealing() {
    String sealedWithOld = SecretBox.of(OLD).seal("t0ken");
    SecretBox rotated = SecretBox.of(NEW, OLD);

    assertThat(rotated.open(sealedWithOld)).isEqualTo("t0ken");
    assertThat(rotated.isCurrent(sealedWithOld)).isFalse();
    assertThat(rotated.isCurrent(rotated.seal("t0ken"))).isTrue();
    assertThatThrownBy(() -> SecretBox.of(NEW).open(sealedWithOld))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining("SCIM_SECRET_KEY_PREVIOUS");
  }

  @Test
  void aTamperedValueDoesNotOpen() {
    SecretBox box = SecretBox.of(NEW);
    String sealed = box.seal("t0ken");
    char last = sealed.charAt(sealed.length() - 1);
    String tampered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');

    assertThatThrownBy(() -> box.open(tampered))
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
}
