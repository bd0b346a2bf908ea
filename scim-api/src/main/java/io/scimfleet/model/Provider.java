package io.scimfleet.model;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A SCIM target and how the fleet provisions it.
 *
 * @param name unique name, used in job names, keys and metric tags ({@code slack})
 * @param baseUrl the SCIM base, e.g. {@code https://api.slack.com/scim/v2}
 * @param userMappings null or empty: the built-in user mappings
 * @param groupMappings null or empty: the built-in group mappings
 * @param userFilter JSONata boolean expression choosing the users in scope; null: all
 * @param groupFilter likewise for groups
 * @param deletionThresholdPercent a full sync's clean-up stops and reports instead of acting when
 *     it would remove more than this share (0–100) of the objects the fleet manages on the target
 * @param fullSyncCron cron of the recurring full sync (5 fields), default hourly
 * @param dryRun map and validate, but send nothing
 * @param maxConcurrency most requests in flight to this target at once
 * @param requestsPerMinute fleet-wide rate limit for this target; 0: none
 * @param tlsInsecure skip certificate checks; refused unless SCIM_ALLOW_INSECURE_TLS=true
 * @param caBundleFile PEM file of CAs to trust (inside SCIM_SECRETS_DIR), or null for the JVM's
 * @param scopeGroups empty: no scope by group; otherwise only the transitive members of these
 *     groups (users) and these groups with every group nested in them (groups) are in scope, ANDed
 *     with the filters
 * @param nestedGroups how groups nested in a group reach the target, default flatten
 * @param deletionWindow the sliding window in which the deletion guard counts every removal
 *     (default an hour); removals beyond {@code deletionThresholdPercent} of the objects on the
 *     target within it are held, and 100 turns the guard off
 * @param matchOn the attributes that find an existing object on the target
 * @param adoptExisting search by {@code matchOn} before a create and link the one match
 * @param profile the vendor profile whose switches apply where the provider sets none (default
 *     generic); its delete mode and rate limit are taken into {@code deleteMode} and {@code
 *     requestsPerMinute} when the provider is configured without them
 * @param userUpdate null: the profile's; see {@link TargetSwitches}
 * @param memberPatchChunk null: the profile's
 * @param filters null: the profile's
 * @param groupsReturnMembers null: the profile's
 * @param requiredAttributes null: the profile's
 * @param etag null: the profile's
 * @param changePassword null: the profile's
 * @param syncPasswords deliver users' new passwords (once each) when the target accepts password
 *     changes
 * @param bulk whether a full sync sends its user creates and updates in SCIM Bulk requests when the
 *     target offers Bulk; null: the profile's (auto for most)
 * @param driftCheck whether a plain full sync reads the target and repairs hand edits (default
 *     full)
 * @param deleteUnmanaged remove objects on the target that the fleet does not manage (through the
 *     deletion guard); default false: they are only counted
 * @param pageSize objects per full-sync page, 1 to {@value #MAX_PAGE_SIZE} (0: the default {@value
 *     #DEFAULT_PAGE_SIZE}); above {@value #DEFAULT_PAGE_SIZE} only as far as the target's Bulk
 *     {@code maxOperations} allows ({@link #pageSize(int)})
 * @param driftCheckCron cron (5 fields, UTC) of the drift check's full read of the target: the
 *     first full sync after each of its times reads the target in full, the others between check
 *     only what changed on it since the last check; default daily at 03:00
 */
public record Provider(
    String name,
    URI baseUrl,
    Credential credential,
    boolean enabled,
    DeleteMode deleteMode,
    int deletionThresholdPercent,
    List<PropertyMapping> userMappings,
    List<PropertyMapping> groupMappings,
    @Nullable String userFilter,
    @Nullable String groupFilter,
    String fullSyncCron,
    boolean dryRun,
    int maxConcurrency,
    int requestsPerMinute,
    boolean tlsInsecure,
    @Nullable String caBundleFile,
    List<String> scopeGroups,
    NestedGroups nestedGroups,
    Duration deletionWindow,
    MatchOn matchOn,
    boolean adoptExisting,
    VendorProfile profile,
    @Nullable UserUpdate userUpdate,
    @Nullable Integer memberPatchChunk,
    @Nullable List<String> filters,
    @Nullable Boolean groupsReturnMembers,
    @Nullable RequiredAttributes requiredAttributes,
    @Nullable FeatureUse etag,
    @Nullable FeatureUse changePassword,
    boolean syncPasswords,
    @Nullable BulkMode bulk,
    DriftCheck driftCheck,
    boolean deleteUnmanaged,
    int pageSize,
    String driftCheckCron) {

  public static final int DEFAULT_PAGE_SIZE = 100;
  public static final int MAX_PAGE_SIZE = 1000;
  public static final String HOURLY = "0 * * * *";
  public static final String DAILY = "0 3 * * *";
  public static final Duration DEFAULT_DELETION_WINDOW = Duration.ofHours(1);
  public static final int DEFAULT_DELETION_THRESHOLD = 25;

  public Provider {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(credential, "credential");
    deleteMode = deleteMode == null ? DeleteMode.DELETE : deleteMode;
    userMappings = userMappings == null ? List.of() : List.copyOf(userMappings);
    groupMappings = groupMappings == null ? List.of() : List.copyOf(groupMappings);
    fullSyncCron = fullSyncCron == null || fullSyncCron.isBlank() ? HOURLY : fullSyncCron;
    maxConcurrency = maxConcurrency <= 0 ? 8 : maxConcurrency;
    scopeGroups = scopeGroups == null ? List.of() : List.copyOf(scopeGroups);
    nestedGroups = nestedGroups == null ? NestedGroups.FLATTEN : nestedGroups;
    deletionWindow = deletionWindow == null ? DEFAULT_DELETION_WINDOW : deletionWindow;
    matchOn = matchOn == null ? MatchOn.DEFAULT : matchOn;
    profile = profile == null ? VendorProfile.GENERIC : profile;
    if (memberPatchChunk != null && memberPatchChunk < 1) {
      throw new IllegalArgumentException(
          "memberPatchChunk must be at least 1, not " + memberPatchChunk);
    }
    filters = filters == null ? null : List.copyOf(filters);
    driftCheck = driftCheck == null ? DriftCheck.FULL : driftCheck;
    pageSize = pageSize <= 0 ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
    driftCheckCron = driftCheckCron == null || driftCheckCron.isBlank() ? DAILY : driftCheckCron;
  }

  /**
   * The objects of a full-sync page on a target whose Bulk requests take {@code bulkMaxOperations}
   * operations (0: no Bulk for this provider): {@code pageSize}, but above {@value
   * #DEFAULT_PAGE_SIZE} only up to {@code bulkMaxOperations}, so that a bigger page still goes in
   * one Bulk request per {@code maxOperations} and never in more requests than pages of 100 would.
   */
  public int pageSize(int bulkMaxOperations) {
    if (pageSize <= DEFAULT_PAGE_SIZE) return pageSize;
    return Math.max(DEFAULT_PAGE_SIZE, Math.min(pageSize, bulkMaxOperations));
  }

  /**
   * A provider with every setting at its default: enabled, delete mode delete, 25% threshold,
   * hourly.
   */
  public static Provider of(String name, URI baseUrl, Credential credential) {
    return builder(name, baseUrl, credential).build();
  }

  /**
   * A builder with every setting at its default ({@link #of}); what is left unset (null or 0) takes
   * the default of the canonical constructor, the one place that holds them.
   */
  public static Builder builder(String name, URI baseUrl, Credential credential) {
    return new Builder(name, baseUrl, credential);
  }

  /** A builder holding this provider's settings, to change some of them. */
  public Builder toBuilder() {
    return new Builder(name, baseUrl, credential)
        .enabled(enabled)
        .deleteMode(deleteMode)
        .deletionThresholdPercent(deletionThresholdPercent)
        .userMappings(userMappings)
        .groupMappings(groupMappings)
        .userFilter(userFilter)
        .groupFilter(groupFilter)
        .fullSyncCron(fullSyncCron)
        .dryRun(dryRun)
        .maxConcurrency(maxConcurrency)
        .requestsPerMinute(requestsPerMinute)
        .tlsInsecure(tlsInsecure)
        .caBundleFile(caBundleFile)
        .scopeGroups(scopeGroups)
        .nestedGroups(nestedGroups)
        .deletionWindow(deletionWindow)
        .matchOn(matchOn)
        .adoptExisting(adoptExisting)
        .profile(profile)
        .userUpdate(userUpdate)
        .memberPatchChunk(memberPatchChunk)
        .filters(filters)
        .groupsReturnMembers(groupsReturnMembers)
        .requiredAttributes(requiredAttributes)
        .etag(etag)
        .changePassword(changePassword)
        .syncPasswords(syncPasswords)
        .bulk(bulk)
        .driftCheck(driftCheck)
        .deleteUnmanaged(deleteUnmanaged)
        .pageSize(pageSize)
        .driftCheckCron(driftCheckCron);
  }

  public Provider withCredential(Credential value) {
    return toBuilder().credential(value).build();
  }

  /**
   * The switches in force: the profile's, each replaced by the provider's own setting; the delete
   * mode and rate limit are the provider's.
   */
  public TargetSwitches switches() {
    TargetSwitches base = profile.switches();
    return new TargetSwitches(
        userUpdate != null ? userUpdate : base.userUpdate(),
        memberPatchChunk != null ? memberPatchChunk : base.memberPatchChunk(),
        filters != null ? filters : base.filters(),
        groupsReturnMembers != null ? groupsReturnMembers : base.groupsReturnMembers(),
        requiredAttributes != null ? requiredAttributes : base.requiredAttributes(),
        deleteMode,
        requestsPerMinute,
        bulk != null ? bulk.use() : base.bulk(),
        etag != null ? etag : base.etag(),
        changePassword != null ? changePassword : base.changePassword());
  }

  /** Builds a {@link Provider}, one setting at a time; see the record's parameters. */
  public static final class Builder {
    private final String name;
    private URI baseUrl;
    private Credential credential;
    private boolean enabled = true;
    private @Nullable DeleteMode deleteMode;
    private int deletionThresholdPercent = DEFAULT_DELETION_THRESHOLD;
    private @Nullable List<PropertyMapping> userMappings;
    private @Nullable List<PropertyMapping> groupMappings;
    private @Nullable String userFilter;
    private @Nullable String groupFilter;
    private @Nullable String fullSyncCron;
    private boolean dryRun;
    private int maxConcurrency;
    private int requestsPerMinute;
    private boolean tlsInsecure;
    private @Nullable String caBundleFile;
    private @Nullable List<String> scopeGroups;
    private @Nullable NestedGroups nestedGroups;
    private @Nullable Duration deletionWindow;
    private @Nullable MatchOn matchOn;
    private boolean adoptExisting;
    private @Nullable VendorProfile profile;
    private @Nullable UserUpdate userUpdate;
    private @Nullable Integer memberPatchChunk;
    private @Nullable List<String> filters;
    private @Nullable Boolean groupsReturnMembers;
    private @Nullable RequiredAttributes requiredAttributes;
    private @Nullable FeatureUse etag;
    private @Nullable FeatureUse changePassword;
    private boolean syncPasswords;
    private @Nullable BulkMode bulk;
    private @Nullable DriftCheck driftCheck;
    private boolean deleteUnmanaged;
    private int pageSize;
    private @Nullable String driftCheckCron;

    private Builder(String name, URI baseUrl, Credential credential) {
      this.name = name;
      this.baseUrl = baseUrl;
      this.credential = credential;
    }

    public Builder baseUrl(URI value) {
      this.baseUrl = value;
      return this;
    }

    public Builder credential(Credential value) {
      this.credential = value;
      return this;
    }

    public Builder enabled(boolean value) {
      this.enabled = value;
      return this;
    }

    public Builder deleteMode(@Nullable DeleteMode value) {
      this.deleteMode = value;
      return this;
    }

    public Builder deletionThresholdPercent(int value) {
      this.deletionThresholdPercent = value;
      return this;
    }

    public Builder userMappings(@Nullable List<PropertyMapping> value) {
      this.userMappings = value;
      return this;
    }

    public Builder groupMappings(@Nullable List<PropertyMapping> value) {
      this.groupMappings = value;
      return this;
    }

    public Builder userFilter(@Nullable String value) {
      this.userFilter = value;
      return this;
    }

    public Builder groupFilter(@Nullable String value) {
      this.groupFilter = value;
      return this;
    }

    public Builder fullSyncCron(@Nullable String value) {
      this.fullSyncCron = value;
      return this;
    }

    public Builder dryRun(boolean value) {
      this.dryRun = value;
      return this;
    }

    public Builder maxConcurrency(int value) {
      this.maxConcurrency = value;
      return this;
    }

    public Builder requestsPerMinute(int value) {
      this.requestsPerMinute = value;
      return this;
    }

    public Builder tlsInsecure(boolean value) {
      this.tlsInsecure = value;
      return this;
    }

    public Builder caBundleFile(@Nullable String value) {
      this.caBundleFile = value;
      return this;
    }

    public Builder scopeGroups(@Nullable List<String> value) {
      this.scopeGroups = value;
      return this;
    }

    public Builder nestedGroups(@Nullable NestedGroups value) {
      this.nestedGroups = value;
      return this;
    }

    public Builder deletionWindow(@Nullable Duration value) {
      this.deletionWindow = value;
      return this;
    }

    public Builder matchOn(@Nullable MatchOn value) {
      this.matchOn = value;
      return this;
    }

    public Builder adoptExisting(boolean value) {
      this.adoptExisting = value;
      return this;
    }

    public Builder profile(@Nullable VendorProfile value) {
      this.profile = value;
      return this;
    }

    public Builder userUpdate(@Nullable UserUpdate value) {
      this.userUpdate = value;
      return this;
    }

    public Builder memberPatchChunk(@Nullable Integer value) {
      this.memberPatchChunk = value;
      return this;
    }

    public Builder filters(@Nullable List<String> value) {
      this.filters = value;
      return this;
    }

    public Builder groupsReturnMembers(@Nullable Boolean value) {
      this.groupsReturnMembers = value;
      return this;
    }

    public Builder requiredAttributes(@Nullable RequiredAttributes value) {
      this.requiredAttributes = value;
      return this;
    }

    public Builder etag(@Nullable FeatureUse value) {
      this.etag = value;
      return this;
    }

    public Builder changePassword(@Nullable FeatureUse value) {
      this.changePassword = value;
      return this;
    }

    public Builder syncPasswords(boolean value) {
      this.syncPasswords = value;
      return this;
    }

    public Builder bulk(@Nullable BulkMode value) {
      this.bulk = value;
      return this;
    }

    public Builder driftCheck(@Nullable DriftCheck value) {
      this.driftCheck = value;
      return this;
    }

    public Builder deleteUnmanaged(boolean value) {
      this.deleteUnmanaged = value;
      return this;
    }

    public Builder pageSize(int value) {
      this.pageSize = value;
      return this;
    }

    public Builder driftCheckCron(@Nullable String value) {
      this.driftCheckCron = value;
      return this;
    }

    /** Unset settings are null here: the canonical constructor gives them their defaults. */
    @SuppressWarnings("NullAway")
    public Provider build() {
      return new Provider(
          name,
          baseUrl,
          credential,
          enabled,
          deleteMode,
          deletionThresholdPercent,
          userMappings,
          groupMappings,
          userFilter,
          groupFilter,
          fullSyncCron,
          dryRun,
          maxConcurrency,
          requestsPerMinute,
          tlsInsecure,
          caBundleFile,
          scopeGroups,
          nestedGroups,
          deletionWindow,
          matchOn,
          adoptExisting,
          profile,
          userUpdate,
          memberPatchChunk,
          filters,
          groupsReturnMembers,
          requiredAttributes,
          etag,
          changePassword,
          syncPasswords,
          bulk,
          driftCheck,
          deleteUnmanaged,
          pageSize,
          driftCheckCron);
    }
  }

  @Override
  public String toString() {
    return "Provider[" + name + " " + baseUrl + " " + credential + "]";
  }
}
