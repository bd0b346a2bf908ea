package io.scimfleet.scheduler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.scheduler.config.ProviderConfigFile;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.TestSecurity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code sources:} list of {@code SCIM_CONFIG}, beside {@code providers:}. */
class SourceConfigFileTest {
  @TempDir Path dir;
  private final SourceRegistry registry =
      new SourceRegistry(
          new InMemorySourceStore(),
          Stores.inMemory().directory(),
          new SourcePasswords(TestSecurity.settings().secrets(), name -> null));

  private Path file(String yaml) throws Exception {
    return Files.writeString(dir.resolve("fleet.yaml"), yaml);
  }

  @Test
  void sourcesAreAppliedOnceAndProvidersBesideThemStillRead() throws Exception {
    Path file =
        file(
            """
            providers: []
            sources:
              - name: corp
                type: ldap
                url: [ldap://ldap1.corp:389, ldap://ldap2.corp:389]
                bindDn: cn=scim,dc=corp
                bindPasswordEnv: SCIM_SOURCE_CORP
                baseDn: dc=corp
                extraAttributes: [title, manager]
                pollSeconds: 30
            """);

    assertThat(SourceConfigFile.apply(file, registry)).isEqualTo(Map.of("corp", true));
    assertThat(SourceConfigFile.apply(file, registry)).isEqualTo(Map.of("corp", false));
    Source corp = registry.get("corp").orElseThrow();
    assertThat(corp.urls()).hasSize(2);
    assertThat(corp.pollSeconds()).isEqualTo(30);
    assertThat(ProviderConfigFile.read(file, TestSecurity.settings())).isEmpty();
  }

  @Test
  void anInlinePasswordOrAnUnknownFieldIsRefusedNamingTheEntry() throws Exception {
    Path inline =
        file(
            """
            sources:
              - name: corp
                url: ldap://ldap.corp
                bindDn: cn=scim,dc=corp
                bindPassword: secret
                baseDn: dc=corp
            """);
    assertThatThrownBy(() -> SourceConfigFile.apply(inline, registry))
        .hasMessageContaining("sources[0] (corp)")
        .hasMessageContaining("bindPasswordFile or bindPasswordEnv");
    Path unknown =
        file("sources:\n  - name: corp\n    url: ldap://x\n    baseDn: dc=x\n    colour: red\n");
    assertThatThrownBy(() -> SourceConfigFile.apply(unknown, registry))
        .hasMessageContaining("unknown field 'colour'");
    assertThat(registry.list()).isEmpty();
  }
}
