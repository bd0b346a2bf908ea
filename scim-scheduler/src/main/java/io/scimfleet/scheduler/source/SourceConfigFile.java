package io.scimfleet.scheduler.source;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimfleet.scheduler.config.ConfigEntry;
import io.scimfleet.scheduler.config.ProviderConfigFile;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code sources:} list of the declarative file ({@code SCIM_CONFIG}):
 *
 * <pre>
 * sources:
 *   - name: corp-ldap
 *     type: ldap
 *     url: [ldaps://ldap1.corp:636, ldaps://ldap2.corp:636]
 *     bindDn: cn=scim,ou=services,dc=corp,dc=example
 *     bindPasswordFile: /var/run/secrets/scim/ldap-password   # or bindPasswordEnv: SCIM_SOURCE_…
 *     baseDn: dc=corp,dc=example
 * </pre>
 *
 * Each entry has the API body's fields plus {@code name} and goes through {@link SourceConversion};
 * an inline {@code bindPassword} is refused (ConfigMaps are not secret). The whole list is checked
 * before anything is stored; sources missing from it are left alone.
 */
public final class SourceConfigFile {
  private static final ObjectMapper YAML =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private SourceConfigFile() {}

  /** Reads the file's sources and stores what changed; returns whether each changed, by name. */
  public static Map<String, Boolean> apply(Path file, SourceRegistry registry) {
    Map<String, Boolean> changes = new LinkedHashMap<>();
    for (Source source : read(file.toString(), ProviderConfigFile.tree(file), registry.passwords()))
      changes.put(source.name(), registry.put(source));
    return changes;
  }

  static List<Source> read(String file, JsonNode root, SourcePasswords passwords) {
    if (root == null || !root.isObject() || !root.has("sources")) return List.of();
    Map<String, Source> sources = new LinkedHashMap<>();
    Iterator<JsonNode> entries = root.get("sources").elements();
    for (int i = 0; entries.hasNext(); i++) {
      Source source = entry(file + ": sources[" + i + "]", entries.next(), passwords);
      if (sources.put(source.name(), source) != null)
        throw new IllegalArgumentException(
            file + ": source '" + source.name() + "' is defined twice");
    }
    return List.copyOf(sources.values());
  }

  private static Source entry(String where, JsonNode node, SourcePasswords passwords) {
    ConfigEntry entry = ConfigEntry.of(where, node, "source");
    if (entry.fields().has("bindPassword"))
      throw entry.refused(
          "an inline 'bindPassword' is refused in the file (ConfigMaps are not secret): use"
              + " bindPasswordFile or bindPasswordEnv pointing at a Secret");
    return entry.convert(
        YAML,
        SourceRequest.class,
        request -> SourceConversion.toSource(entry.name(), request, passwords));
  }
}
