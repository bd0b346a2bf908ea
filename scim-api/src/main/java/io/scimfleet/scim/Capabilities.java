package io.scimfleet.scim;

import java.util.Set;

/**
 * What a target says it supports, from {@code /ServiceProviderConfig} (or Salesforce's {@code
 * /ServiceProviderConfigs}) and {@code /ResourceTypes}. When discovery is missing or unreadable the
 * client uses {@link #defaults()}.
 *
 * @param resourceEndpoints endpoints from {@code /ResourceTypes} ({@code Users}, {@code Groups});
 *     empty when unknown, which {@link #hasEndpoint} reads as "probably there"
 * @param cursorPaging RFC 9865 {@code pagination.cursor}
 * @param userSchemaExtensions the schema extensions of the User resource type in {@code
 *     /ResourceTypes}; when that lists no User type, the extension schemas {@code /Schemas} lists
 *     (every id but the {@code urn:ietf:params:scim:schemas:core:} ones); empty when unknown
 */
public record Capabilities(
    boolean patch,
    Bulk bulk,
    boolean etag,
    FilterSupport filter,
    boolean changePassword,
    boolean sort,
    boolean cursorPaging,
    Set<String> resourceEndpoints,
    Set<String> userSchemaExtensions) {

  /** Bulk support; {@code maxOperations} and {@code maxPayloadSize} are 0 when unknown. */
  public record Bulk(boolean supported, int maxOperations, long maxPayloadSize) {}

  /** Filter support; {@code maxResults} is the page size the target allows. */
  public record FilterSupport(boolean supported, int maxResults) {}

  public Capabilities {
    resourceEndpoints = Set.copyOf(resourceEndpoints);
    userSchemaExtensions = Set.copyOf(userSchemaExtensions);
  }

  /**
   * What the client assumes of a target that does not say: PATCH supported (nearly every target has
   * it, and a wrong "yes" fails loudly with 4xx, where a wrong "no" would force PUT and lose
   * attributes); Bulk off (opt-in, its errors are per operation); ETag off (send no If-Match);
   * filter on with 100 results per page; no password change, sorting or cursor paging; no schema
   * extensions.
   */
  public static Capabilities defaults() {
    return new Capabilities(
        true,
        new Bulk(false, 0, 0),
        false,
        new FilterSupport(true, 100),
        false,
        false,
        false,
        Set.of(),
        Set.of());
  }

  /** True when /ResourceTypes lists the endpoint, or when the target did not list any. */
  public boolean hasEndpoint(String endpoint) {
    return resourceEndpoints.isEmpty() || resourceEndpoints.contains(endpoint);
  }
}
