package io.scimfleet.scheduler.config;

import static io.scimfleet.scheduler.config.ProviderField.blankToNull;

import io.scimfleet.model.FeatureUse;
import io.scimfleet.model.MatchOn;
import io.scimfleet.model.PropertyMapping;
import io.scimfleet.model.Provider;
import io.scimfleet.model.RequiredAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The checks and defaults of single {@link ProviderField}s, each failing with a message that says
 * what to fix.
 */
final class FieldChecks {
  private FieldChecks() {}

  static int pageSize(@Nullable Integer value) {
    if (value == null) return Provider.DEFAULT_PAGE_SIZE;
    if (value < 1 || value > Provider.MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "pageSize must be from 1 to "
              + Provider.MAX_PAGE_SIZE
              + " objects per full-sync page, not "
              + value
              + " (pages above 100 take effect as far as the target's Bulk maxOperations allows)");
    }
    return value;
  }

  static @Nullable Integer memberPatchChunk(@Nullable Integer value) {
    if (value != null && (value < 1 || value > 1000)) {
      throw new IllegalArgumentException(
          "memberPatchChunk must be from 1 to 1000 membership changes, not " + value);
    }
    return value;
  }

  static @Nullable List<String> filters(@Nullable List<String> value) {
    if (value != null
        && value.stream().anyMatch(attribute -> attribute == null || attribute.isBlank())) {
      throw new IllegalArgumentException(
          "filters must be attribute names (or \"*\" for any), not null or empty");
    }
    return value;
  }

  static @Nullable RequiredAttributes requiredAttributes(
      @Nullable Map<String, List<String>> value) {
    if (value == null) return null;
    requireUsersAndGroups("requiredAttributes", value);
    return new RequiredAttributes(orEmpty(value.get("users")), orEmpty(value.get("groups")));
  }

  static @Nullable MatchOn matchOn(@Nullable Map<String, String> value) {
    if (value == null) return null;
    requireUsersAndGroups("matchOn", value);
    String users = value.get("users");
    String groups = value.get("groups");
    return new MatchOn(
        users == null ? MatchOn.DEFAULT.users() : users,
        groups == null ? MatchOn.DEFAULT.groups() : groups);
  }

  /** An absent list of required attributes: none ({@link RequiredAttributes} reads null so). */
  private static List<String> orEmpty(@Nullable List<String> paths) {
    return paths == null ? List.of() : paths;
  }

  static void requireUsersAndGroups(String field, Map<String, ?> value) {
    for (String key : value.keySet()) {
      if (!key.equals("users") && !key.equals("groups")) {
        throw new IllegalArgumentException(
            field + " takes \"users\" and \"groups\", not '" + key + "'");
      }
    }
  }

  static @Nullable FeatureUse featureUse(String field, @Nullable String value) {
    String given = blankToNull(value);
    return given == null ? null : FeatureUse.parse(field, given);
  }

  static @Nullable List<String> scopeGroups(@Nullable List<String> ids) {
    if (ids != null && ids.stream().anyMatch(id -> id == null || id.isBlank())) {
      throw new IllegalArgumentException("scopeGroups must be group ids, not null or empty");
    }
    return ids;
  }

  static int threshold(@Nullable Integer value) {
    if (value == null) return Provider.DEFAULT_DELETION_THRESHOLD;
    if (value < 0 || value > 100) {
      throw new IllegalArgumentException(
          "deletionThreshold must be a percentage from 0 to 100, not " + value);
    }
    return value;
  }

  static @Nullable Duration window(@Nullable String value) {
    if (value == null || value.isBlank()) return null;
    String text = value.trim().toLowerCase(Locale.ROOT);
    try {
      Duration window =
          text.startsWith("p")
              ? Duration.parse(text.toUpperCase(Locale.ROOT))
              : Duration.parse((text.endsWith("d") ? "P" : "PT") + text.toUpperCase(Locale.ROOT));
      if (!window.isNegative() && !window.isZero()) return window;
    } catch (RuntimeException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "deletionWindow must be a positive duration such as 30m, 1h, 1d or PT1H, not '"
            + value
            + "'");
  }

  static List<PropertyMapping> mappings(String field, @Nullable List<MappingRequest> given) {
    if (given == null) return List.of();
    List<PropertyMapping> mappings = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      MappingRequest mapping = given.get(i);
      String name = mapping == null ? null : blankToNull(mapping.name());
      String expression = mapping == null ? null : blankToNull(mapping.expression());
      if (name == null || expression == null) {
        throw new IllegalArgumentException(field + "[" + i + "] needs a name and an expression");
      }
      mappings.add(new PropertyMapping(name, expression));
    }
    return mappings;
  }

  static int atLeast(String field, @Nullable Integer value, int min, int fallback) {
    if (value == null) return fallback;
    if (value < min)
      throw new IllegalArgumentException(field + " must be at least " + min + ", not " + value);
    return value;
  }
}
