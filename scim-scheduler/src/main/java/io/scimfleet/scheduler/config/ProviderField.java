package io.scimfleet.scheduler.config;

import static io.scimfleet.scheduler.config.FieldChecks.atLeast;
import static io.scimfleet.scheduler.config.FieldChecks.featureUse;
import static io.scimfleet.scheduler.config.FieldChecks.filters;
import static io.scimfleet.scheduler.config.FieldChecks.mappings;
import static io.scimfleet.scheduler.config.FieldChecks.matchOn;
import static io.scimfleet.scheduler.config.FieldChecks.memberPatchChunk;
import static io.scimfleet.scheduler.config.FieldChecks.pageSize;
import static io.scimfleet.scheduler.config.FieldChecks.requiredAttributes;
import static io.scimfleet.scheduler.config.FieldChecks.scopeGroups;
import static io.scimfleet.scheduler.config.FieldChecks.threshold;
import static io.scimfleet.scheduler.config.FieldChecks.window;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.scimfleet.model.BulkMode;
import io.scimfleet.model.DeleteMode;
import io.scimfleet.model.DriftCheck;
import io.scimfleet.model.NestedGroups;
import io.scimfleet.model.Provider;
import io.scimfleet.model.UserUpdate;
import io.scimfleet.model.VendorProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

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
  private final @Nullable Accepts accepts;

  @SuppressWarnings("ImmutableEnumChecker")
  private final @Nullable Function<Provider, Object> view;

  ProviderField(
      String jsonName, @Nullable Accepts accepts, @Nullable Function<Provider, Object> view) {
    this.jsonName = jsonName;
    this.accepts = accepts;
    this.view = view;
  }

  /**
   * What the API body may give for a field: its JSON type, and how the value is checked and set
   * (null: read with the credential or the base URL, before the others).
   */
  private record Accepts(JavaType type, @Nullable Reading reading) {}

  /** How a field's value, null when absent, is checked and set on the provider being built. */
  @FunctionalInterface
  interface Reading {
    void into(Provider.Builder provider, VendorProfile profile, @Nullable Object value);
  }

  /** The name in the API body, the YAML file and the API's answer. */
  public String jsonName() {
    return jsonName;
  }

  /** The type the API body gives; null for a field that is shown only. */
  @Nullable JavaType type() {
    return accepts == null ? null : accepts.type();
  }

  /** The field of this JSON name that the API body may give, or null. */
  static @Nullable ProviderField accepted(String jsonName) {
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
  void read(Provider.Builder provider, VendorProfile profile, @Nullable Object value) {
    Reading reading = accepts == null ? null : accepts.reading();
    if (reading != null) reading.into(provider, profile, value);
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
  static VendorProfile profile(@Nullable String value) {
    String given = blankToNull(value);
    return given == null ? VendorProfile.GENERIC : VendorProfile.parse(given);
  }

  private static Accepts readFirst(JavaType type) {
    return new Accepts(type, null);
  }

  private static Accepts text(BiConsumer<Provider.Builder, @Nullable String> set) {
    return accepts(Wire.TEXT, set);
  }

  private static Accepts bool(BiConsumer<Provider.Builder, @Nullable Boolean> set) {
    return accepts(Wire.BOOL, set);
  }

  private static Accepts number(BiConsumer<Provider.Builder, @Nullable Integer> set) {
    return accepts(Wire.NUMBER, set);
  }

  private static Accepts texts(BiConsumer<Provider.Builder, @Nullable List<String>> set) {
    return accepts(Wire.TEXTS, set);
  }

  private static Accepts mappingList(
      BiConsumer<Provider.Builder, @Nullable List<MappingRequest>> set) {
    return accepts(Wire.MAPPINGS, set);
  }

  private static Accepts textMap(BiConsumer<Provider.Builder, @Nullable Map<String, String>> set) {
    return accepts(Wire.MATCH_ON, set);
  }

  private static Accepts textsMap(
      BiConsumer<Provider.Builder, @Nullable Map<String, List<String>>> set) {
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

  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  static boolean orDefault(@Nullable Boolean value, boolean fallback) {
    return value == null ? fallback : value;
  }

  static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
