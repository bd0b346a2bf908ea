package io.scimfleet.scheduler.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.scimfleet.config.SecuritySettings;
import io.scimfleet.model.Provider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declarative provider file ({@code SCIM_CONFIG}):
 *
 * <pre>
 * providers:
 *   - name: slack
 *     baseUrl: https://api.slack.com/scim/v2
 *     tokenEnv: SCIM_TARGET_SLACK    # or tokenFile under SCIM_SECRETS_DIR; an inline token is refused
 *     deleteMode: deactivate
 * </pre>
 *
 * The file may also hold a {@code sources:} list (LDAP sources, {@link
 * io.scimfleet.scheduler.source.SourceConfigFile}). Each entry has the fields of the API body plus
 * {@code name}, goes through the same {@link ProviderConversion}, and is applied only when it
 * differs from what is stored, so applying the same file again changes nothing. Providers missing
 * from the file are left alone. The whole file is checked before anything is stored.
 */
public final class ProviderConfigFile {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private ProviderConfigFile() {}

  /**
   * The file's providers, validated; throws {@link IllegalArgumentException} naming the entry and
   * what is wrong.
   */
  public static List<Provider> read(Path file, SecuritySettings security) {
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return read(file.toString(), root, security);
  }

  static List<Provider> read(String source, JsonNode root, SecuritySettings security) {
    if (root == null || root.isMissingNode() || root.isNull()) return List.of();
    if (!root.isObject()
        || !onlyListsOf(root, "providers", "sources")
        || (root.has("providers") && !root.get("providers").isArray())) {
      throw new IllegalArgumentException(
          source
              + ": expected a top-level 'providers:' list (and a 'sources:' list) and nothing else");
    }
    if (!root.has("providers")) return List.of();
    Map<String, Provider> providers = new LinkedHashMap<>();
    Iterator<JsonNode> entries = root.get("providers").elements();
    for (int i = 0; entries.hasNext(); i++) {
      Provider provider = entry(source + ": providers[" + i + "]", entries.next(), security);
      if (providers.put(provider.name(), provider) != null) {
        throw new IllegalArgumentException(
            source + ": provider '" + provider.name() + "' is defined twice");
      }
    }
    return new ArrayList<>(providers.values());
  }

  /** True when the root holds only these keys, each a list. */
  private static boolean onlyListsOf(JsonNode root, String... keys) {
    List<String> allowed = List.of(keys);
    Iterator<String> names = root.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name) || !root.get(name).isArray()) return false;
    }
    return root.size() > 0;
  }

  /** The parsed YAML of the file, for the other sections ({@code sources:}). */
  public static JsonNode tree(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Reads the file and stores what changed; returns what happened to each provider, by name. */
  public static Map<String, ProviderRegistry.Change> apply(Path file, ProviderRegistry registry) {
    Map<String, ProviderRegistry.Change> changes = new LinkedHashMap<>();
    for (Provider provider : read(file, registry.security()))
      changes.put(provider.name(), registry.put(provider));
    return changes;
  }

  private static Provider entry(String where, JsonNode node, SecuritySettings security) {
    ConfigEntry entry = ConfigEntry.of(where, node, "provider");
    if (entry.fields().has("token")) {
      throw entry.refused(
          "an inline 'token' is refused in the file (ConfigMaps are not "
              + "secret): use tokenEnv or tokenFile pointing at a Secret");
    }
    JsonNode auth = entry.fields().get("auth");
    if (auth != null && (auth.has("token") || auth.has("password") || auth.has("clientSecret"))) {
      throw entry.refused(
          "an inline secret in 'auth' is refused in the file (ConfigMaps are "
              + "not secret): use tokenEnv/passwordEnv/clientSecretEnv or tokenFile/passwordFile/clientSecretFile pointing "
              + "at a Secret");
    }
    return entry.convert(
        YAML,
        ProviderRequest.class,
        request -> ProviderConversion.toProvider(entry.name(), request, security));
  }
}
