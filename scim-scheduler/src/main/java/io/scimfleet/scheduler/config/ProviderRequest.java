package io.scimfleet.scheduler.config;

import java.util.List;
import java.util.Map;

/**
 * A provider's settings as the API body ({@code PUT /api/v1/providers/{name}}) and the YAML file
 * give them. Absent fields take the defaults of {@link io.scimfleet.model.Provider#of}. Turned into
 * a provider by {@link ProviderConversion}, the one validation path of both. {@link #toString()}
 * never shows the token.
 *
 * @param deletionThreshold percent 0–100
 * @param deleteMode {@code delete} or {@code deactivate}
 * @param scopeGroups group ids: only their transitive members (and the groups nested in them) are
 *     in scope
 * @param nestedGroups {@code flatten} (default) or {@code native}
 * @param deletionWindow ISO-8601 ({@code PT1H}) or {@code 30m}, {@code 1h}, {@code 1d}; default an
 *     hour
 * @param matchOn {@code users} and {@code groups}: the attribute that finds an existing object
 * @param auth how to authenticate ({@code bearer} or {@code basic}); instead of {@code token},
 *     {@code tokenFile} or {@code tokenEnv}
 * @param profile vendor profile ({@code generic}, {@code aws-identity-center}, {@code slack},
 *     {@code github-emu}, {@code atlassian}, {@code salesforce}, {@code google-cloud-identity});
 *     its switches apply where these fields are absent
 * @param userUpdate "auto", {@code patch} or {@code put}
 * @param memberPatchChunk most membership changes per group PATCH, at least 1
 * @param filters attribute names the target can filter on with {@code eq}; {@code ["*"]}: any
 * @param groupsReturnMembers false: group reads ask {@code excludedAttributes=members}
 * @param requiredAttributes {@code users} and {@code groups}: attributes every payload must carry
 * @param etag "auto" or {@code off}
 * @param changePassword "auto" or {@code off}
 * @param syncPasswords deliver users' new passwords to a target that accepts them; default false
 * @param bulk "auto" (default: SCIM Bulk in full syncs when the target offers it) or {@code off}
 * @param driftCheck {@code full} (default) or {@code off}: whether a plain full sync reads the
 *     target and repairs hand edits
 * @param deleteUnmanaged remove objects on the target that the fleet does not manage (default
 *     false: only counted)
 * @param pageSize objects per full-sync page, 1 to 1000 (default 100); above 100 only as far as the
 *     target's Bulk maxOperations allows
 * @param driftCheckCron cron (5 fields, UTC) of the drift check's full read of the target; the
 *     plain full syncs between check only what changed on it; default {@code 0 3 * * *}
 */
public record ProviderRequest(
    String baseUrl,
    String token,
    String tokenFile,
    String tokenEnv,
    Boolean enabled,
    String deleteMode,
    Integer deletionThreshold,
    List<MappingRequest> userMappings,
    List<MappingRequest> groupMappings,
    String userFilter,
    String groupFilter,
    String fullSyncCron,
    Boolean dryRun,
    Integer maxConcurrency,
    Integer requestsPerMinute,
    Boolean tlsInsecure,
    String caBundleFile,
    List<String> scopeGroups,
    String nestedGroups,
    String deletionWindow,
    Map<String, String> matchOn,
    Boolean adoptExisting,
    AuthRequest auth,
    String profile,
    String userUpdate,
    Integer memberPatchChunk,
    List<String> filters,
    Boolean groupsReturnMembers,
    Map<String, List<String>> requiredAttributes,
    String etag,
    String changePassword,
    Boolean syncPasswords,
    String bulk,
    String driftCheck,
    Boolean deleteUnmanaged,
    Integer pageSize,
    String driftCheckCron) {

  @Override
  public String toString() {
    return "ProviderRequest["
        + baseUrl
        + (token != null ? " token=***" : "")
        + (tokenFile != null ? " tokenFile=" + tokenFile : "")
        + (tokenEnv != null ? " tokenEnv=" + tokenEnv : "")
        + (auth != null ? " auth=" + auth : "")
        + "]";
  }
}
