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

/**
 * The checks and defaults of single {@link ProviderField}s, each failing with a message that says
 * what to fix.
 */
final class FieldChecks {
  private FieldChecks() {}

  static int pageSize(Integer value) {
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

  static Integer memberPatchChunk(Integer value) {
    if (value != null && (value < 1 || value > 1000)) {
      throw new IllegalArgumentException(
          "memberPatchChunk must be from 1 to 1000 membership changes, not " + value);
    }
    return value;
  }

  static List<String> filters(List<String> value) {
    if (value != null
        && value.stream().anyMatch(attribute -> attribute == null || attribute.isBlank())) {
      throw new IllegalArgumentException(
          "filters must be attribute names (or \"*\" for any), not null or empty");
    }
    return value;
  }

  static RequiredAttributes requiredAttributes(Map<String, List<String>> value) {
    if (value == null) return null;
    requireUsersAndGroups("requiredAttributes", value);
    return new RequiredAttributes(value.get("users"), value.get("groups"));
  }

  static MatchOn matchOn(Map<String, String> value) {
    if (value == null) return null;
    requireUsersAndGroups("matchOn", value);
    return new MatchOn(value.get("users"), value.get("groups"));
  }

  static void requireUsersAndGroups(String field, Map<String, ?> value) {
    for (String key : value.keySet()) {
      if (!key.equals("users") && !key.equals("groups")) {
        throw new IllegalArgumentException(
            field + " takes \"users\" and \"groups\", not '" + key + "'");
      }
    }
  }

  static FeatureUse featureUse(String field, String value) {
    return blankToNull(value) == null ? null : FeatureUse.parse(field, value);
  }

  static List<String> scopeGroups(List<String> ids) {
    if (ids != null && ids.stream().anyMatch(id -> id == null || id.isBlank())) {
      throw new IllegalArgumentException("scopeGroups must be group ids, not null or empty");
    }
    return ids;
  }

  static int threshold(Integer value) {
    if (value == null) return Provider.DEFAULT_DELETION_THRESHOLD;
    if (value < 0 || value > 100) {
      throw new IllegalArgumentException(
          "deletionThreshold must be a percentage from 0 to 100, not " + value);
    }
    return value;
  }

  static Duration window(String value) {
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

  static List<PropertyMapping> mappings(String field, List<MappingRequest> given) {
    if (given == null) return List.of();
    List<PropertyMapping> mappings = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      MappingRequest mapping = given.get(i);
      if (mapping == null
          || blankToNull(mapping.name()) == null
          || blankToNull(mapping.expression()) == null) {
        throw new IllegalArgumentException(field + "[" + i + "] needs a name and an expression");
      }
      mappings.add(new PropertyMapping(mapping.name(), mapping.expression()));
    }
    return mappings;
  }

  static int atLeast(String field, Integer value, int min, int fallback) {
    if (value == null) return fallback;
    if (value < min)
      throw new IllegalArgumentException(field + " must be at least " + min + ", not " + value);
    return value;
  }
}
