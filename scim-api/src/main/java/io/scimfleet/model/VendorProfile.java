package io.scimfleet.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A named set of {@link TargetSwitches} for a SCIM target whose documented behaviour differs from
 * the RFC's. Each value is taken from the vendor's public SCIM documentation; docs/profiles.md
 * gives the source of every one. A provider's own setting of a switch overrides its profile's.
 */
public enum VendorProfile {
  /** Whatever discovery says: PATCH if announced, any filter, Bulk and ETags when announced. */
  GENERIC(
      "generic",
      new TargetSwitches(
          UserUpdate.AUTO,
          100,
          List.of(TargetSwitches.ANY),
          true,
          RequiredAttributes.NONE,
          DeleteMode.DELETE,
          0,
          FeatureUse.AUTO,
          FeatureUse.AUTO,
          FeatureUse.AUTO)),
  /**
   * PATCH (discovery's claim aside), eq on a few attributes, no members in /Groups, no Bulk, ETag
   * or password.
   */
  AWS_IDENTITY_CENTER(
      "aws-identity-center",
      new TargetSwitches(
          UserUpdate.PATCH,
          100,
          List.of("id", "userName", "externalId", "displayName", "members"),
          false,
          RequiredAttributes.users(
                  "userName", "displayName", "name.givenName", "name.familyName", "externalId")
              .andGroups("displayName", "externalId"),
          DeleteMode.DELETE,
          0,
          FeatureUse.OFF,
          FeatureUse.OFF,
          FeatureUse.OFF)),
  /** 180 writes a minute per endpoint; a user needs an email; DELETE deactivates anyway. */
  SLACK(
      "slack",
      new TargetSwitches(
          UserUpdate.PATCH,
          100,
          List.of(TargetSwitches.ANY),
          true,
          RequiredAttributes.users("userName", "emails").andGroups("displayName"),
          DeleteMode.DELETE,
          180,
          FeatureUse.OFF,
          FeatureUse.AUTO,
          FeatureUse.OFF)),
  /**
   * externalId on users and groups; DELETE is irreversible, so users are suspended; ~1,000 users an
   * hour.
   */
  GITHUB_EMU(
      "github-emu",
      new TargetSwitches(
          UserUpdate.PATCH,
          100,
          List.of("id", "userName", "externalId", "displayName"),
          true,
          RequiredAttributes.users("userName", "externalId", "displayName", "emails")
              .andGroups("displayName", "externalId"),
          DeleteMode.DEACTIVATE,
          16,
          FeatureUse.OFF,
          FeatureUse.AUTO,
          FeatureUse.OFF)),
  /**
   * One eq on userName or externalId; a deleted user is gone for good, so users are deactivated.
   */
  ATLASSIAN(
      "atlassian",
      new TargetSwitches(
          UserUpdate.PATCH,
          100,
          List.of("id", "userName", "externalId", "displayName"),
          true,
          RequiredAttributes.users("userName", "emails").andGroups("displayName"),
          DeleteMode.DEACTIVATE,
          0,
          FeatureUse.OFF,
          FeatureUse.AUTO,
          FeatureUse.OFF)),
  /**
   * Users are deactivated, never deleted; a profile (entitlements) and a family name are needed to
   * create one.
   */
  SALESFORCE(
      "salesforce",
      new TargetSwitches(
          UserUpdate.PATCH,
          100,
          List.of(TargetSwitches.ANY),
          true,
          RequiredAttributes.users("userName", "emails", "name.familyName", "entitlements")
              .andGroups("displayName"),
          DeleteMode.DEACTIVATE,
          0,
          FeatureUse.AUTO,
          FeatureUse.AUTO,
          FeatureUse.AUTO)),
  /**
   * PATCH only (PUT is answered 404); one member change per group PATCH; userName is the only
   * filter.
   */
  GOOGLE_CLOUD_IDENTITY(
      "google-cloud-identity",
      new TargetSwitches(
          UserUpdate.PATCH,
          1,
          List.of("userName"),
          true,
          RequiredAttributes.users("userName", "name.givenName", "name.familyName")
              .andGroups("displayName"),
          DeleteMode.DEACTIVATE,
          0,
          FeatureUse.OFF,
          FeatureUse.OFF,
          FeatureUse.OFF));

  private final String wireName;

  // TargetSwitches is a record of enums, numbers and List.copyOf lists: immutable, though not
  // annotated so
  @SuppressWarnings("ImmutableEnumChecker")
  private final TargetSwitches switches;

  VendorProfile(String wireName, TargetSwitches switches) {
    this.wireName = wireName;
    this.switches = switches;
  }

  /** The name in the API and the YAML file: {@code aws-identity-center}. */
  public String wireName() {
    return wireName;
  }

  public TargetSwitches switches() {
    return switches;
  }

  public static VendorProfile parse(String value) {
    String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(profile -> profile.wireName.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "profile must be one of " + names() + ", not '" + value + "'"));
  }

  public static String names() {
    return Arrays.stream(values()).map(VendorProfile::wireName).collect(Collectors.joining(", "));
  }
}
