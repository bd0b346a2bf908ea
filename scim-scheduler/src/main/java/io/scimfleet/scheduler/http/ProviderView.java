package io.scimfleet.scheduler.http;

import io.scimfleet.model.MatchOn;
import io.scimfleet.model.PropertyMapping;
import io.scimfleet.model.Provider;
import java.util.List;
import java.util.Locale;

/**
 * A provider as the API shows it. The credential appears only as where the token comes from
 * ({@code env:SLACK_TOKEN}, {@code file:/secrets/token}, {@code inline}): never the token.
 */
record ProviderView(
    String name,
    String baseUrl,
    String credential,
    boolean enabled,
    String deleteMode,
    int deletionThreshold,
    List<PropertyMapping> userMappings,
    List<PropertyMapping> groupMappings,
    String userFilter,
    String groupFilter,
    String fullSyncCron,
    boolean dryRun,
    int maxConcurrency,
    int requestsPerMinute,
    boolean tlsInsecure,
    String caBundleFile,
    List<String> scopeGroups,
    String nestedGroups,
    String deletionWindow,
    MatchOn matchOn,
    boolean adoptExisting,
    AuthView auth,
    String driftCheck,
    boolean deleteUnmanaged) {

  /** The credential's type, user name (Basic) and where its secret comes from; never the secret. */
  record AuthView(String type, String username, String source) {}

  static ProviderView of(Provider p) {
    return new ProviderView(p.name(), p.baseUrl().toString(), p.credential().describe(), p.enabled(),
        p.deleteMode().name().toLowerCase(Locale.ROOT), p.deletionThresholdPercent(), p.userMappings(),
        p.groupMappings(), p.userFilter(), p.groupFilter(), p.fullSyncCron(), p.dryRun(), p.maxConcurrency(),
        p.requestsPerMinute(), p.tlsInsecure(), p.caBundleFile(), p.scopeGroups(),
        p.nestedGroups().name().toLowerCase(Locale.ROOT), p.deletionWindow().toString(), p.matchOn(), p.adoptExisting(),
        new AuthView(p.credential().type(), p.credential().username(), p.credential().describe()),
        p.driftCheck().name().toLowerCase(Locale.ROOT), p.deleteUnmanaged());
  }
}
