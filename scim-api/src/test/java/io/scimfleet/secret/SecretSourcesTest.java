package io.scimfleet.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.testing.TestSecurity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Token files stay inside the secrets directory, links followed; variables carry the target prefix.
 */
class SecretSourcesTest {
  @TempDir Path root;
  private Path secrets;
  private Path outside;
  private SecretSources sources;

  @BeforeEach
  void files() throws IOException {
    secrets = Files.createDirectories(root.resolve("secrets"));
    outside = Files.writeString(root.resolve("fleet-secret"), "SCIM_ADMIN_TOKEN-value");
    Map<String, String> env =
        Map.of(
            "SCIM_TARGET_SLACK", "from-env", "SCIM_ADMIN_TOKEN", "admin", "REDIS_URL", "redis://x");
    sources =
        new SecretSources(secrets, SecretSources.DEFAULT_ENV_PREFIX, TestSecurity.BOX, env::get);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"SCIM_TARGET_ALLOW", "SCIM_TARGET_DENY", "SCIM_TARGET_ENV_PREFIX"})
  void aVariableOfTheFleetInsideThePrefixIsNeverASecret(String variable) {
    assertThatThrownBy(() -> sources.requireAllowedEnv("tokenEnv", variable))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining("tokenEnv '" + variable + "' is refused")
        .hasMessageContaining("setting of the fleet");
    assertThatThrownBy(() -> sources.resolve("slack", "token", null, null, variable))
        .hasMessageContaining(variable);
  }

  @Test
  void aWiderPrefixStillRefusesTheFleetsOwnVariables() {
    SecretSources wide = new SecretSources(secrets, "SCIM_", TestSecurity.BOX, name -> "x");

    assertThatThrownBy(() -> wide.requireAllowedEnv("tokenEnv", "SCIM_ADMIN_TOKEN"))
        .hasMessageContaining("SCIM_ADMIN_TOKEN");
    assertThat(wide.resolve("slack", "token", null, null, "SCIM_SLACK")).isEqualTo("x");
  }

  @Test
  void aFileInsideTheDirectoryIsRead() throws IOException {
    Files.writeString(secrets.resolve("slack"), "xoxp-1\n");

    assertThat(sources.resolve("slack", "token", null, secrets.resolve("slack").toString(), null))
        .isEqualTo("xoxp-1");
  }

  @Test
  void dotDotOutOfTheDirectoryIsRefused() {
    String traversal = secrets + "/../fleet-secret";

    assertThatThrownBy(() -> sources.requireAllowedFile("tokenFile", traversal))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining("must be inside " + secrets);
    assertThatThrownBy(() -> sources.resolve("slack", "token", null, traversal, null))
        .hasMessageContaining("SCIM_SECRETS_DIR");
  }

  @Test
  void aLinkInsideThatPointsOutsideIsRefused() throws IOException {
    Path link = Files.createSymbolicLink(secrets.resolve("innocent"), outside);

    assertThatThrownBy(() -> sources.requireAllowedFile("tokenFile", link.toString()))
        .hasMessageContaining("must be inside");
    assertThatThrownBy(() -> sources.resolve("slack", "token", null, link.toString(), null))
        .hasMessageContaining("must be inside");
  }

  @Test
  void aLinkInsideThatPointsInsideIsAllowedAsKubernetesMountsSecrets() throws IOException {
    Path data = Files.createDirectories(secrets.resolve("..2026_12_01"));
    Files.writeString(data.resolve("token"), "rotated-token");
    Path dataLink = Files.createSymbolicLink(secrets.resolve("..data"), data.getFileName());
    Path token =
        Files.createSymbolicLink(secrets.resolve("token"), dataLink.getFileName().resolve("token"));

    assertThat(sources.resolve("slack", "token", null, token.toString(), null))
        .isEqualTo("rotated-token");
  }

  @Test
  void aLinkSwappedToPointOutsideAfterSavingIsRefusedWhenTheWorkerReadsIt() throws IOException {
    Path token = Files.writeString(secrets.resolve("token"), "good");
    sources.requireAllowedFile("tokenFile", token.toString());
    Files.delete(token);
    Files.createSymbolicLink(token, outside);

    assertThatThrownBy(() -> sources.resolve("slack", "token", null, token.toString(), null))
        .hasMessageContaining("must be inside");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SCIM_ADMIN_TOKEN", "REDIS_URL", "SCIM_TARGET_", "PATH"})
  void aVariableWithoutTheTargetPrefixIsRefused(String variable) {
    assertThatThrownBy(() -> sources.resolve("slack", "token", null, null, variable))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining("must start with SCIM_TARGET_");
  }

  @Test
  void aVariableWithThePrefixIsRead() {
    assertThat(sources.resolve("slack", "token", null, null, "SCIM_TARGET_SLACK"))
        .isEqualTo("from-env");
  }

  @Test
  void anInlineSecretIsSealedAndOpened() {
    String sealed = sources.seal("slack", "token", "inline-1");

    assertThat(sealed).startsWith("sealed:v2:").doesNotContain("inline-1");
    assertThat(sources.resolve("slack", "token", sealed, null, null)).isEqualTo("inline-1");
  }

  @Test
  void aSealedSecretMovedToAnotherProviderOrFieldDoesNotOpen() {
    String sealed = sources.seal("slack", "token", "slack-token");

    assertThatThrownBy(() -> sources.resolve("attacker", "token", sealed, null, null))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining("sealed for another place");
    assertThatThrownBy(() -> sources.resolve("slack", "clientSecret", sealed, null, null))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining("sealed for another place");
  }

  @Test
  void anInlineSecretStoredInClearIsRefused() {
    assertThatThrownBy(() -> sources.resolve("slack", "token", "clear-token", null, null))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining("without encryption is refused");
  }

  @Test
  void aStoredSecretIsSealedAgainOnlyWhenItIsClearOldFormatOrAnOldKey() {
    String current = sources.seal("slack", "token", "t0ken");

    assertThat(sources.resealed("slack", "token", current)).isEmpty();
    assertThat(sources.resealed("slack", "token", "clear-token"))
        .hasValueSatisfying(
            value ->
                assertThat(sources.resolve("slack", "token", value, null, null))
                    .isEqualTo("clear-token"));
    assertThat(sources.resealed("slack", "token", SecretBoxTest.V1_LEGACY_TOKEN))
        .hasValueSatisfying(
            value ->
                assertThat(sources.resolve("slack", "token", value, null, null))
                    .isEqualTo("legacy-token"));
  }

  @Test
  void withoutAKeyAnInlineSecretIsRefusedWithHowToSetOne() {
    SecretSources keyless = new SecretSources(secrets, "SCIM_TARGET_", null, name -> null);

    assertThatThrownBy(() -> keyless.seal("slack", "token", "inline-1"))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining("SCIM_SECRET_KEY")
        .hasMessageContaining("openssl rand -base64 32");
  }
}
