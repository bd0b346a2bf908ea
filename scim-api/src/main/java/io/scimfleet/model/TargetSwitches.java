package io.scimfleet.model;

import java.util.List;
import java.util.Objects;

/**
 * What a provider's target accepts, as the fleet applies it: a {@link VendorProfile}'s values, each
 * replaced by the provider's own setting where it has one ({@link Provider#switches()}).
 *
 * @param userUpdate how users already on the target are updated
 * @param memberPatchChunk most membership changes in one group PATCH
 * @param filters the attributes the target can filter on with {@code eq}; {@code *}: any
 * @param groupsReturnMembers false: reads of {@code /Groups} ask {@code
 *     excludedAttributes=members}, and members in them are not to be trusted
 * @param requiredAttributes attributes every payload must carry before it is sent
 * @param deleteMode what a removal does to a user
 * @param requestsPerMinute the fleet-wide rate limit; 0: none
 * @param bulk whether full syncs may use SCIM Bulk
 * @param etag whether writes carry {@code If-Match} (and a 412 is recovered)
 * @param changePassword whether passwords may be sent to the target
 */
public record TargetSwitches(
    UserUpdate userUpdate,
    int memberPatchChunk,
    List<String> filters,
    boolean groupsReturnMembers,
    RequiredAttributes requiredAttributes,
    DeleteMode deleteMode,
    int requestsPerMinute,
    FeatureUse bulk,
    FeatureUse etag,
    FeatureUse changePassword) {
  /** In {@link #filters}: the target filters on any attribute. */
  public static final String ANY = "*";

  public TargetSwitches {
    Objects.requireNonNull(userUpdate, "userUpdate");
    filters = List.copyOf(filters);
    Objects.requireNonNull(requiredAttributes, "requiredAttributes");
    Objects.requireNonNull(deleteMode, "deleteMode");
    Objects.requireNonNull(bulk, "bulk");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(changePassword, "changePassword");
  }

  /**
   * True when an {@code eq} filter on this attribute works on the target. {@code emails.primary} (a
   * value path on {@code emails}) needs {@code emails} or {@code emails.value}.
   */
  public boolean canFilterOn(String attribute) {
    if (filters.contains(ANY)) return true;
    if (attribute.equals("emails.primary"))
      return filters.contains("emails") || filters.contains("emails.value");
    return filters.stream().anyMatch(attribute::equalsIgnoreCase);
  }
}
