package io.scimfleet.scheduler.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.scimfleet.model.BulkMode;
import io.scimfleet.model.Credential;
import io.scimfleet.model.DeleteMode;
import io.scimfleet.model.DriftCheck;
import io.scimfleet.model.FeatureUse;
import io.scimfleet.model.MatchOn;
import io.scimfleet.model.NestedGroups;
import io.scimfleet.model.OAuth2Client;
import io.scimfleet.model.PropertyMapping;
import io.scimfleet.model.Provider;
import io.scimfleet.model.RequiredAttributes;
import io.scimfleet.model.TargetSwitches;
import io.scimfleet.model.UserUpdate;
import io.scimfleet.model.VendorProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The provider's fields, declared once, in the order the API shows them. Each has its JSON name;
 * the type the API body and the YAML file give it ({@link ProviderRequest} reads exactly these);
 * how it is checked, defaulted and set on the {@link Provider.Builder} ({@link
 * ProviderConversion}); and what {@code GET /api/v1/providers/{name}} shows of it ({@link #view}).
 * A field without a type is shown only; one without a reading is read with the credential or the
 * base URL, before the others ({@link ProviderConversion}); one without a view is never shown: the
 * secrets, and the switches, which the view shows as they are in force ({@code switches}).
 */
public enum ProviderField {
  NAME("name", null, Provider::name),
  BASE_URL("baseUrl", readFirst(Wire.TEXT), p -> p.baseUrl().toString()),
  TOKEN("token", readFirst(Wire.TEXT), null),
  TOKEN_FILE("tokenFile", readFirst(Wire.TEXT), null),
  TOKEN_ENV("tokenEnv", readFirst(Wire.TEXT), null),
  CREDENTIAL("credential", null, p -> p.credential().describe()),
  ENABLED("enabled", bool((b, v) -> b.enabled(orDefault(v, true))), Provider::enabled),
  /** {@code delete} or {@code deactivate}. */
  DELETE_MODE(
      "deleteMode",
      new Accepts(
          Wire.TEXT,
          (b, profile, v) ->
              b.deleteMode(
                  v == null ? profile.switches().deleteMode() : DeleteMode.parse((String) v))),
      p -> lower(p.deleteMode())),
  /** Percent 0–100. */
  DELETION_THRESHOLD(
      "deletionThreshold",
      number((b, v) -> b.deletionThresholdPercent(threshold(v))),
      Provider::deletionThresholdPercent),
  USER_MAPPINGS(
      "userMappings",
      mappingList((b, v) -> b.userMappings(mappings("userMappings", v))),
      Provider::userMappings),
  GROUP_MAPPINGS(
      "groupMappings",
      mappingList((b, v) -> b.groupMappings(mappings("groupMappings", v))),
      Provider::groupMappings),
  USER_FILTER("userFilter", text((b, v) -> b.userFilter(blankToNull(v))), Provider::userFilter),
  GROUP_FILTER("groupFilter", text((b, v) -> b.groupFilter(blankToNull(v))), Provider::groupFilter),
  /** Checked as a cron by {@link ProviderConversion} first. */
  FULL_SYNC_CRON("fullSyncCron", text(Provider.Builder::fullSyncCron), Provider::fullSyncCron),
  DRY_RUN("dryRun", bool((b, v) -> b.dryRun(orDefault(v, false))), Provider::dryRun),
  MAX_CONCURRENCY(
      "maxConcurrency",
      number((b, v) -> b.maxConcurrency(atLeast("maxConcurrency", v, 1, 8))),
      Provider::maxConcurrency),
  REQUESTS_PER_MINUTE(
      "requestsPerMinute",
      new Accepts(
          Wire.NUMBER,
          (b, profile, v) ->
              b.requestsPerMinute(
                  atLeast(
                      "requestsPerMinute",
                      (Integer) v,
                      0,
                      profile.switches().requestsPerMinute()))),
      Provider::requestsPerMinute),
  /** Allowed or refused by {@link ProviderConversion} first. */
  TLS_INSECURE(
      "tlsInsecure", bool((b, v) -> b.tlsInsecure(orDefault(v, false))), Provider::tlsInsecure),
  /** Its place checked by {@link ProviderConversion} first. */
  CA_BUNDLE_FILE(
      "caBundleFile", text((b, v) -> b.caBundleFile(blankToNull(v))), Provider::caBundleFile),
  /** Group ids: only their transitive members (and the groups nested in them) are in scope. */
  SCOPE_GROUPS(
      "scopeGroups", texts((b, v) -> b.scopeGroups(scopeGroups(v))), Provider::scopeGroups),
  /** {@code flatten} (default) or {@code native}. */
  NESTED_GROUPS(
      "nestedGroups",
      text((b, v) -> b.nestedGroups(v == null ? null : NestedGroups.parse(v))),
      p -> lower(p.nestedGroups())),
  /** ISO-8601 ({@code PT1H}) or {@code 30m}, {@code 1h}, {@code 1d}; default an hour. */
  DELETION_WINDOW(
      "deletionWindow",
      text((b, v) -> b.deletionWindow(window(v))),
      p -> p.deletionWindow().toString()),
  /** {@code users} and {@code groups}: the attribute that finds an existing object. */
  MATCH_ON("matchOn", textMap((b, v) -> b.matchOn(matchOn(v))), Provider::matchOn),
  ADOPT_EXISTING(
      "adoptExisting",
      bool((b, v) -> b.adoptExisting(orDefault(v, false))),
      Provider::adoptExisting),
  /**
   * How to authenticate ({@code bearer} or {@code basic}); instead of {@code token}, {@code
   * tokenFile} or {@code tokenEnv}.
   */
  AUTH("auth", readFirst(Wire.AUTH), p -> AuthView.of(p.credential())),
  /**
   * Vendor profile ({@code generic}, {@code aws-identity-center}, {@code slack}, {@code
   * github-emu}, {@code atlassian}, {@code salesforce}, {@code google-cloud-identity}); its
   * switches apply where these fields are absent.
   */
  PROFILE(
      "profile",
      new Accepts(Wire.TEXT, (b, profile, v) -> b.profile(profile)),
      p -> p.profile().wireName()),
  SWITCHES("switches", null, p -> SwitchesView.of(p.switches())),
  /** "auto", {@code patch} or {@code put}. */
  USER_UPDATE(
      "userUpdate",
      text((b, v) -> b.userUpdate(blankToNull(v) == null ? null : UserUpdate.parse(v))),
      null),
  /** Most membership changes per group PATCH, at least 1. */
  MEMBER_PATCH_CHUNK(
      "memberPatchChunk", number((b, v) -> b.memberPatchChunk(memberPatchChunk(v))), null),
  /** Attribute names the target can filter on with {@code eq}; {@code ["*"]}: any. */
  FILTERS("filters", texts((b, v) -> b.filters(filters(v))), null),
  /** False: group reads ask {@code excludedAttributes=members}. */
  GROUPS_RETURN_MEMBERS("groupsReturnMembers", bool(Provider.Builder::groupsReturnMembers), null),
  /** {@code users} and {@code groups}: attributes every payload must carry. */
  REQUIRED_ATTRIBUTES(
      "requiredAttributes", textsMap((b, v) -> b.requiredAttributes(requiredAttributes(v))), null),
  /** "auto" or {@code off}. */
  ETAG("etag", text((b, v) -> b.etag(featureUse("etag", v))), null),
  /** "auto" or {@code off}. */
  CHANGE_PASSWORD(
      "changePassword", text((b, v) -> b.changePassword(featureUse("changePassword", v))), null),
  /** Deliver users' new passwords to a target that accepts them; default false. */
  SYNC_PASSWORDS(
      "syncPasswords",
      bool((b, v) -> b.syncPasswords(orDefault(v, false))),
      Provider::syncPasswords),
  /** "auto" (default: SCIM Bulk in full syncs when the target offers it) or {@code off}. */
  BULK(
      "bulk",
      text((b, v) -> b.bulk(v == null ? null : BulkMode.parse(v))),
      p -> lower(p.switches().bulk())),
  /**
   * {@code full} (default) or {@code off}: whether a plain full sync reads the target and repairs
   * hand edits.
   */
  DRIFT_CHECK(
      "driftCheck",
      text((b, v) -> b.driftCheck(v == null ? null : DriftCheck.parse(v))),
      p -> lower(p.driftCheck())),
  /** Remove objects on the target that the fleet does not manage (default false: only counted). */
  DELETE_UNMANAGED(
      "deleteUnmanaged",
      bool((b, v) -> b.deleteUnmanaged(orDefault(v, false))),
      Provider::deleteUnmanaged),
  /**
   * Objects per full-sync page, 1 to 1000 (default 100); above 100 only as far as the target's Bulk
   * maxOperations allows.
   */
  PAGE_SIZE("pageSize", number((b, v) -> b.pageSize(pageSize(v))), p -> p.pageSize()),
  /**
   * Cron (5 fields, UTC) of the drift check's full read of the target; the plain full syncs between
   * check only what changed on it; default {@code 0 3 * * *}; checked as a cron by {@link
   * ProviderConversion} first.
   */
  DRIFT_CHECK_CRON(
      "driftCheckCron", text((b, v) -> b.driftCheckCron(blankToNull(v))), Provider::driftCheckCron);

  private final String jsonName;

  // stateless: each holds a lambda that reads or shows one value
  @SuppressWarnings("ImmutableEnumChecker")
  private final Accepts accepts;

  @SuppressWarnings("ImmutableEnumChecker")
  private final Function<Provider, Object> view;

  ProviderField(String jsonName, Accepts accepts, Function<Provider, Object> view) {
    this.jsonName = jsonName;
    this.accepts = accepts;
    this.view = view;
  }

  /**
   * What the API body may give for a field: its JSON type, and how the value is checked and set
   * (null: read with the credential or the base URL, before the others).
   */
  private record Accepts(JavaType type, Reading reading) {}

  /** How a field's value, null when absent, is checked and set on the provider being built. */
  @FunctionalInterface
  interface Reading {
    void into(Provider.Builder provider, VendorProfile profile, Object value);
  }

  /** The name in the API body, the YAML file and the API's answer. */
  public String jsonName() {
    return jsonName;
  }

  /** The type the API body gives; null for a field that is shown only. */
  JavaType type() {
    return accepts == null ? null : accepts.type();
  }

  /** The field of this JSON name that the API body may give, or null. */
  static ProviderField accepted(String jsonName) {
    for (ProviderField field : values())
      if (field.accepts != null && field.jsonName.equals(jsonName)) return field;
    return null;
  }

  /** The JSON names the API body may give. */
  static List<Object> acceptedNames() {
    List<Object> names = new ArrayList<>();
    for (ProviderField field : values()) if (field.accepts != null) names.add(field.jsonName);
    return names;
  }

  /** Checks this field's value (null: absent) and sets it on the provider being built. */
  void read(Provider.Builder provider, VendorProfile profile, Object value) {
    if (accepts != null && accepts.reading() != null)
      accepts.reading().into(provider, profile, value);
  }

  /**
   * The provider as the API shows it, field by field in this order: never a secret (the credential
   * only as where its secret comes from).
   */
  public static Map<String, Object> view(Provider provider) {
    Map<String, Object> view = new LinkedHashMap<>();
    for (ProviderField field : values())
      if (field.view != null) view.put(field.jsonName, field.view.apply(provider));
    return view;
  }

  /** The vendor profile a request names ({@code generic} when it names none). */
  static VendorProfile profile(String value) {
    return blankToNull(value) == null ? VendorProfile.GENERIC : VendorProfile.parse(value);
  }

  private static Accepts readFirst(JavaType type) {
    return new Accepts(type, null);
  }

  private static Accepts text(BiConsumer<Provider.Builder, String> set) {
    return accepts(Wire.TEXT, set);
  }

  private static Accepts bool(BiConsumer<Provider.Builder, Boolean> set) {
    return accepts(Wire.BOOL, set);
  }

  private static Accepts number(BiConsumer<Provider.Builder, Integer> set) {
    return accepts(Wire.NUMBER, set);
  }

  private static Accepts texts(BiConsumer<Provider.Builder, List<String>> set) {
    return accepts(Wire.TEXTS, set);
  }

  private static Accepts mappingList(BiConsumer<Provider.Builder, List<MappingRequest>> set) {
    return accepts(Wire.MAPPINGS, set);
  }

  private static Accepts textMap(BiConsumer<Provider.Builder, Map<String, String>> set) {
    return accepts(Wire.MATCH_ON, set);
  }

  private static Accepts textsMap(BiConsumer<Provider.Builder, Map<String, List<String>>> set) {
    return accepts(Wire.REQUIRED, set);
  }

  /** The value is of {@code type}: {@link ProviderRequest} read it so. */
  @SuppressWarnings("unchecked")
  private static <W> Accepts accepts(JavaType type, BiConsumer<Provider.Builder, W> set) {
    return new Accepts(type, (provider, profile, value) -> set.accept(provider, (W) value));
  }

  /** The JSON types of the fields. */
  private static final class Wire {
    private static final TypeFactory TYPES = TypeFactory.defaultInstance();
    static final JavaType TEXT = TYPES.constructType(String.class);
    static final JavaType BOOL = TYPES.constructType(Boolean.class);
    static final JavaType NUMBER = TYPES.constructType(Integer.class);
    static final JavaType TEXTS = TYPES.constructType(new TypeReference<List<String>>() {});
    static final JavaType MAPPINGS =
        TYPES.constructType(new TypeReference<List<MappingRequest>>() {});
    static final JavaType MATCH_ON =
        TYPES.constructType(new TypeReference<Map<String, String>>() {});
    static final JavaType REQUIRED =
        TYPES.constructType(new TypeReference<Map<String, List<String>>>() {});
    static final JavaType AUTH = TYPES.constructType(AuthRequest.class);
  }

  /**
   * The credential's type, user name (Basic), OAuth 2.0 client (shown for oauth2 only) and where
   * its secret comes from; never the secret.
   */
  record AuthView(
      String type,
      String username,
      String source,
      @JsonInclude(JsonInclude.Include.NON_NULL) String tokenUrl,
      @JsonInclude(JsonInclude.Include.NON_NULL) String clientId,
      @JsonInclude(JsonInclude.Include.NON_NULL) String scope,
      @JsonInclude(JsonInclude.Include.NON_NULL) String audience,
      @JsonInclude(JsonInclude.Include.NON_NULL) String clientAuth) {

    static AuthView of(Credential credential) {
      OAuth2Client client = credential.oauth2();
      if (client == null)
        return new AuthView(
            credential.type(),
            credential.username(),
            credential.describe(),
            null,
            null,
            null,
            null,
            null);
      return new AuthView(
          credential.type(),
          null,
          credential.describe(),
          client.tokenUrl().toString(),
          client.clientId(),
          client.scope(),
          client.audience(),
          client.clientAuth());
    }
  }

  /**
   * The switches in force: the profile's, each replaced by the provider's own setting where it has
   * one.
   */
  record SwitchesView(
      String userUpdate,
      int memberPatchChunk,
      List<String> filters,
      boolean groupsReturnMembers,
      RequiredAttributes requiredAttributes,
      String deleteMode,
      int requestsPerMinute,
      String bulk,
      String etag,
      String changePassword) {
    static SwitchesView of(TargetSwitches s) {
      return new SwitchesView(
          lower(s.userUpdate()),
          s.memberPatchChunk(),
          s.filters(),
          s.groupsReturnMembers(),
          s.requiredAttributes(),
          lower(s.deleteMode()),
          s.requestsPerMinute(),
          lower(s.bulk()),
          lower(s.etag()),
          lower(s.changePassword()));
    }
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static int pageSize(Integer value) {
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

  private static Integer memberPatchChunk(Integer value) {
    if (value != null && (value < 1 || value > 1000)) {
      throw new IllegalArgumentException(
          "memberPatchChunk must be from 1 to 1000 membership changes, not " + value);
    }
    return value;
  }

  private static List<String> filters(List<String> value) {
    if (value != null
        && value.stream().anyMatch(attribute -> attribute == null || attribute.isBlank())) {
      throw new IllegalArgumentException(
          "filters must be attribute names (or \"*\" for any), not null or empty");
    }
    return value;
  }

  private static RequiredAttributes requiredAttributes(Map<String, List<String>> value) {
    if (value == null) return null;
    requireUsersAndGroups("requiredAttributes", value);
    return new RequiredAttributes(value.get("users"), value.get("groups"));
  }

  private static MatchOn matchOn(Map<String, String> value) {
    if (value == null) return null;
    requireUsersAndGroups("matchOn", value);
    return new MatchOn(value.get("users"), value.get("groups"));
  }

  private static void requireUsersAndGroups(String field, Map<String, ?> value) {
    for (String key : value.keySet()) {
      if (!key.equals("users") && !key.equals("groups")) {
        throw new IllegalArgumentException(
            field + " takes \"users\" and \"groups\", not '" + key + "'");
      }
    }
  }

  private static FeatureUse featureUse(String field, String value) {
    return blankToNull(value) == null ? null : FeatureUse.parse(field, value);
  }

  private static List<String> scopeGroups(List<String> ids) {
    if (ids != null && ids.stream().anyMatch(id -> id == null || id.isBlank())) {
      throw new IllegalArgumentException("scopeGroups must be group ids, not null or empty");
    }
    return ids;
  }

  private static int threshold(Integer value) {
    if (value == null) return Provider.DEFAULT_DELETION_THRESHOLD;
    if (value < 0 || value > 100) {
      throw new IllegalArgumentException(
          "deletionThreshold must be a percentage from 0 to 100, not " + value);
    }
    return value;
  }

  private static Duration window(String value) {
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

  private static List<PropertyMapping> mappings(String field, List<MappingRequest> given) {
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

  private static int atLeast(String field, Integer value, int min, int fallback) {
    if (value == null) return fallback;
    if (value < min)
      throw new IllegalArgumentException(field + " must be at least " + min + ", not " + value);
    return value;
  }

  static boolean orDefault(Boolean value, boolean fallback) {
    return value == null ? fallback : value;
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
