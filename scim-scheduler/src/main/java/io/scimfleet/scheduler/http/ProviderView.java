package io.scimfleet.scheduler.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.scimfleet.model.Credential;
import io.scimfleet.model.MatchOn;
import io.scimfleet.model.OAuth2Client;
import io.scimfleet.model.PropertyMapping;
import io.scimfleet.model.Provider;
import io.scimfleet.model.RequiredAttributes;
import io.scimfleet.model.TargetSwitches;
import java.util.List;
import java.util.Locale;

/**
 * A provider as the API shows it. The credential appears only as where the token comes from ({@code
 * env:SLACK_TOKEN}, {@code file:/secrets/token}, {@code inline}): never the token. The admin
 * console shows the same view ({@link #maskedJson}).
 */
public record ProviderView(
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
    String profile,
    SwitchesView switches,
    boolean syncPasswords,
    String bulk,
    String driftCheck,
    boolean deleteUnmanaged,
    int pageSize,
    String driftCheckCron) {

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

  /** The provider as {@code GET /api/v1/providers/{name}} answers it, indented: no secret. */
  public static String maskedJson(Provider p) {
    try {
      return ApiJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(of(p));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a provider view always serializes", e);
    }
  }

  static ProviderView of(Provider p) {
    return new ProviderView(
        p.name(),
        p.baseUrl().toString(),
        p.credential().describe(),
        p.enabled(),
        p.deleteMode().name().toLowerCase(Locale.ROOT),
        p.deletionThresholdPercent(),
        p.userMappings(),
        p.groupMappings(),
        p.userFilter(),
        p.groupFilter(),
        p.fullSyncCron(),
        p.dryRun(),
        p.maxConcurrency(),
        p.requestsPerMinute(),
        p.tlsInsecure(),
        p.caBundleFile(),
        p.scopeGroups(),
        p.nestedGroups().name().toLowerCase(Locale.ROOT),
        p.deletionWindow().toString(),
        p.matchOn(),
        p.adoptExisting(),
        AuthView.of(p.credential()),
        p.profile().wireName(),
        SwitchesView.of(p.switches()),
        p.syncPasswords(),
        lower(p.switches().bulk()),
        lower(p.driftCheck()),
        p.deleteUnmanaged(),
        p.pageSize(),
        p.driftCheckCron());
  }
}
