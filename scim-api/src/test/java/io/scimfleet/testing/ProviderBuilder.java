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
  private final Provider.Builder provider;
  private final List<PropertyMapping> userMappings = new ArrayList<>();
  private final List<PropertyMapping> groupMappings = new ArrayList<>();
  private Credential credential = Credential.inline("test-token");
  private boolean storedAsGiven;

  private ProviderBuilder(String name) {
    this.name = name;
    this.provider =
        Provider.builder(name, URI.create("https://" + name + ".example.org/scim/v2"), credential);
  }

  public static ProviderBuilder aProvider(String name) {
    return new ProviderBuilder(name);
  }

  public ProviderBuilder at(String url) {
    provider.baseUrl(URI.create(url));
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
    provider.enabled(false);
    return this;
  }

  public ProviderBuilder deactivatingInsteadOfDeleting() {
    provider.deleteMode(DeleteMode.DEACTIVATE);
    return this;
  }

  public ProviderBuilder withDeletionThreshold(int percent) {
    provider.deletionThresholdPercent(percent);
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
    provider.userFilter(expression);
    return this;
  }

  public ProviderBuilder withGroupFilter(String expression) {
    provider.groupFilter(expression);
    return this;
  }

  public ProviderBuilder fullSyncAt(String cron) {
    provider.fullSyncCron(cron);
    return this;
  }

  /** Scope by group: the transitive members of these groups. */
  public ProviderBuilder scopedTo(String... groupIds) {
    provider.scopeGroups(List.of(groupIds));
    return this;
  }

  public ProviderBuilder nestedGroups(NestedGroups mode) {
    provider.nestedGroups(mode);
    return this;
  }

  public ProviderBuilder dryRun() {
    provider.dryRun(true);
    return this;
  }

  public ProviderBuilder limitedTo(int concurrency, int perMinute) {
    provider.maxConcurrency(concurrency).requestsPerMinute(perMinute);
    return this;
  }

  /** Skips certificate checks (refused unless the worker allows insecure TLS). */
  public ProviderBuilder withTlsInsecure() {
    provider.tlsInsecure(true);
    return this;
  }

  /** Trusts the CAs of this PEM file. */
  public ProviderBuilder trustingCaBundle(String path) {
    provider.caBundleFile(path);
    return this;
  }

  public ProviderBuilder withDeletionWindow(Duration window) {
    provider.deletionWindow(window);
    return this;
  }

  /** Finds existing objects by these attributes (null: the default). */
  public ProviderBuilder matchingOn(String users, String groups) {
    provider.matchOn(new MatchOn(users, groups));
    return this;
  }

  public ProviderBuilder bulk(BulkMode mode) {
    provider.bulk(mode);
    return this;
  }

  public ProviderBuilder adoptingExisting() {
    provider.adoptExisting(true);
    return this;
  }

  /**
   * The vendor profile, with its delete mode and rate limit, as the API's conversion gives them.
   */
  public ProviderBuilder withProfile(VendorProfile value) {
    provider
        .profile(value)
        .deleteMode(value.switches().deleteMode())
        .requestsPerMinute(value.switches().requestsPerMinute());
    return this;
  }

  public ProviderBuilder updatingUsersBy(UserUpdate value) {
    provider.userUpdate(value);
    return this;
  }

  public ProviderBuilder withMemberPatchChunk(int value) {
    provider.memberPatchChunk(value);
    return this;
  }

  public ProviderBuilder filteringOn(String... attributes) {
    provider.filters(List.of(attributes));
    return this;
  }

  public ProviderBuilder withETags(FeatureUse value) {
    provider.etag(value);
    return this;
  }

  public ProviderBuilder groupsReturnMembers(boolean value) {
    provider.groupsReturnMembers(value);
    return this;
  }

  public ProviderBuilder requiring(RequiredAttributes value) {
    provider.requiredAttributes(value);
    return this;
  }

  public ProviderBuilder withPasswordChange(FeatureUse value) {
    provider.changePassword(value);
    return this;
  }

  public ProviderBuilder syncingPasswords() {
    provider.syncPasswords(true);
    return this;
  }

  public ProviderBuilder withPageSize(int value) {
    provider.pageSize(value);
    return this;
  }

  public ProviderBuilder withoutDriftCheck() {
    provider.driftCheck(DriftCheck.OFF);
    return this;
  }

  /** The cron of the drift check's full read of the target (default daily). */
  public ProviderBuilder withDriftCheckCron(String cron) {
    provider.driftCheckCron(cron);
    return this;
  }

  public ProviderBuilder deletingUnmanaged() {
    provider.deleteUnmanaged(true);
    return this;
  }

  public Provider build() {
    return provider
        .credential(storedAsGiven ? credential : TestSecurity.sealed(name, credential))
        .userMappings(userMappings)
        .groupMappings(groupMappings)
        .build();
  }
}
