package io.scimfleet.testing;

import io.scimfleet.model.BulkMode;
import io.scimfleet.model.Credential;
import io.scimfleet.model.DeleteMode;
import io.scimfleet.model.DriftCheck;
import io.scimfleet.model.FeatureUse;
import io.scimfleet.model.MatchOn;
import io.scimfleet.model.NestedGroups;
import io.scimfleet.model.PropertyMapping;
import io.scimfleet.model.Provider;
import io.scimfleet.model.RequiredAttributes;
import io.scimfleet.model.UserUpdate;
import io.scimfleet.model.VendorProfile;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code
 * aProvider("slack").at("https://api.slack.com/scim/v2").withTokenFile("/run/secrets/slack").build()}.
 */
public final class ProviderBuilder {
  private final String name;
  private URI baseUrl;
  private Credential credential = Credential.inline("test-token");
  private boolean storedAsGiven;
  private boolean enabled = true;
  private DeleteMode deleteMode = DeleteMode.DELETE;
  private int deletionThresholdPercent = 25;
  private final List<PropertyMapping> userMappings = new ArrayList<>();
  private final List<PropertyMapping> groupMappings = new ArrayList<>();
  private String userFilter;
  private String groupFilter;
  private String fullSyncCron = Provider.HOURLY;
  private boolean dryRun;
  private int maxConcurrency = 8;
  private int requestsPerMinute;
  private boolean tlsInsecure;
  private String caBundleFile;
  private List<String> scopeGroups = List.of();
  private NestedGroups nestedGroups = NestedGroups.FLATTEN;
  private Duration deletionWindow;
  private MatchOn matchOn;
  private boolean adoptExisting;
  private VendorProfile profile;
  private UserUpdate userUpdate;
  private Integer memberPatchChunk;
  private List<String> filters;
  private FeatureUse etag;
  private Boolean groupsReturnMembers;
  private RequiredAttributes requiredAttributes;
  private FeatureUse changePassword;
  private boolean syncPasswords;
  private BulkMode bulk;
  private DriftCheck driftCheck = DriftCheck.FULL;
  private boolean deleteUnmanaged;
  private int pageSize;
  private String driftCheckCron;

  private ProviderBuilder(String name) {
    this.name = name;
    this.baseUrl = URI.create("https://" + name + ".example.org/scim/v2");
  }

  public static ProviderBuilder aProvider(String name) {
    return new ProviderBuilder(name);
  }

  public ProviderBuilder at(String url) {
    this.baseUrl = URI.create(url);
    return this;
  }

  public ProviderBuilder withCredential(Credential value) {
    this.credential = value;
    this.storedAsGiven = false;
    return this;
  }

  /**
   * This credential exactly as given, even a clear inline one (as an older version stored it);
   * {@link #withCredential} seals an inline secret with {@link TestSecurity#BOX} for this provider,
   * as the scheduler does.
   */
  public ProviderBuilder withStoredCredential(Credential value) {
    withCredential(value);
    this.storedAsGiven = true;
    return this;
  }

  public ProviderBuilder withTokenFile(String path) {
    return withCredential(Credential.fromFile(path));
  }

  public ProviderBuilder disabled() {
    this.enabled = false;
    return this;
  }

  public ProviderBuilder deactivatingInsteadOfDeleting() {
    this.deleteMode = DeleteMode.DEACTIVATE;
    return this;
  }

  public ProviderBuilder withDeletionThreshold(int percent) {
    this.deletionThresholdPercent = percent;
    return this;
  }

  public ProviderBuilder withUserMapping(String mappingName, String expression) {
    userMappings.add(new PropertyMapping(mappingName, expression));
    return this;
  }

  public ProviderBuilder withGroupMapping(String mappingName, String expression) {
    groupMappings.add(new PropertyMapping(mappingName, expression));
    return this;
  }

  public ProviderBuilder withUserMappings(List<PropertyMapping> mappings) {
    userMappings.addAll(mappings);
    return this;
  }

  public ProviderBuilder withUserFilter(String expression) {
    this.userFilter = expression;
    return this;
  }

  public ProviderBuilder withGroupFilter(String expression) {
    this.groupFilter = expression;
    return this;
  }

  public ProviderBuilder fullSyncAt(String cron) {
    this.fullSyncCron = cron;
    return this;
  }

  /** Scope by group: the transitive members of these groups. */
  public ProviderBuilder scopedTo(String... groupIds) {
    this.scopeGroups = List.of(groupIds);
    return this;
  }

  public ProviderBuilder nestedGroups(NestedGroups mode) {
    this.nestedGroups = mode;
    return this;
  }

  public ProviderBuilder dryRun() {
    this.dryRun = true;
    return this;
  }

  public ProviderBuilder limitedTo(int concurrency, int perMinute) {
    this.maxConcurrency = concurrency;
    this.requestsPerMinute = perMinute;
    return this;
  }

  /** Skips certificate checks (refused unless the worker allows insecure TLS). */
  public ProviderBuilder withTlsInsecure() {
    this.tlsInsecure = true;
    return this;
  }

  /** Trusts the CAs of this PEM file. */
  public ProviderBuilder trustingCaBundle(String path) {
    this.caBundleFile = path;
    return this;
  }

  public ProviderBuilder withDeletionWindow(Duration window) {
    this.deletionWindow = window;
    return this;
  }

  /** Finds existing objects by these attributes (null: the default). */
  public ProviderBuilder matchingOn(String users, String groups) {
    this.matchOn = new MatchOn(users, groups);
    return this;
  }

  public ProviderBuilder bulk(BulkMode mode) {
    this.bulk = mode;
    return this;
  }

  public ProviderBuilder adoptingExisting() {
    this.adoptExisting = true;
    return this;
  }

  /**
   * The vendor profile, with its delete mode and rate limit, as the API's conversion gives them.
   */
  public ProviderBuilder withProfile(VendorProfile value) {
    this.profile = value;
    this.deleteMode = value.switches().deleteMode();
    this.requestsPerMinute = value.switches().requestsPerMinute();
    return this;
  }

  public ProviderBuilder updatingUsersBy(UserUpdate value) {
    this.userUpdate = value;
    return this;
  }

  public ProviderBuilder withMemberPatchChunk(int value) {
    this.memberPatchChunk = value;
    return this;
  }

  public ProviderBuilder filteringOn(String... attributes) {
    this.filters = List.of(attributes);
    return this;
  }

  public ProviderBuilder withETags(FeatureUse value) {
    this.etag = value;
    return this;
  }

  public ProviderBuilder groupsReturnMembers(boolean value) {
    this.groupsReturnMembers = value;
    return this;
  }

  public ProviderBuilder requiring(RequiredAttributes value) {
    this.requiredAttributes = value;
    return this;
  }

  public ProviderBuilder withPasswordChange(FeatureUse value) {
    this.changePassword = value;
    return this;
  }

  public ProviderBuilder syncingPasswords() {
    this.syncPasswords = true;
    return this;
  }

  public ProviderBuilder withPageSize(int value) {
    this.pageSize = value;
    return this;
  }

  public ProviderBuilder withoutDriftCheck() {
    this.driftCheck = DriftCheck.OFF;
    return this;
  }

  /** The cron of the drift check's full read of the target (default daily). */
  public ProviderBuilder withDriftCheckCron(String cron) {
    this.driftCheckCron = cron;
    return this;
  }

  public ProviderBuilder deletingUnmanaged() {
    this.deleteUnmanaged = true;
    return this;
  }

  public Provider build() {
    return new Provider(
        name,
        baseUrl,
        storedAsGiven ? credential : TestSecurity.sealed(name, credential),
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
