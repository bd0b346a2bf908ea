package io.scimfleet.worker.probe;

import io.scimfleet.scim.Capabilities;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profile switches (docs/profiles.md) that match what a probe saw, each with its reason. Only
 * switches a check contradicts are given: an empty advice means the defaults fit.
 */
final class Advice {
  private final Map<String, Check> checks = new LinkedHashMap<>();
  private final Map<String, Object> switches = new LinkedHashMap<>();
  private final Map<String, String> reasons = new LinkedHashMap<>();

  private final Capabilities announced;

  Advice(List<Check> seen, Capabilities announced) {
    this.announced = announced;
    seen.forEach(c -> checks.put(c.name(), c));
    userUpdate();
    filters();
    groupsReturnMembers();
    bulk();
    etag();
  }

  Map<String, Object> switches() {
    return switches;
  }

  Map<String, String> reasons() {
    return reasons;
  }

  private void userUpdate() {
    boolean patch = works(Probe.USER_PATCH);
    boolean put = works(Probe.USER_PUT);
    if (patch && !put) set("userUpdate", "patch", "PUT of a user failed, PATCH worked");
    else if (put && !patch && tried(Probe.USER_PATCH))
      set("userUpdate", "put", "PATCH of a user failed, PUT worked");
    else if (patch && !announced.patch())
      set("userUpdate", "patch", "PATCH worked although discovery does not announce it");
  }

  private void filters() {
    if (!tried(Probe.FILTER_USER_NAME) || !tried(Probe.FILTER_EXTERNAL_ID)) return;
    List<String> working = new ArrayList<>();
    if (works(Probe.FILTER_USER_NAME)) working.add("userName");
    if (works(Probe.FILTER_EXTERNAL_ID)) working.add("externalId");
    if (working.size() == 2) return;
    set(
        "filters",
        working,
        "a filter the target does not really apply would find no object or the wrong one;"
            + " set matchOn.users to one of these (and adoptExisting only then)");
  }

  private void groupsReturnMembers() {
    if (tried(Probe.GROUP_MEMBERS_ON_GET) && !works(Probe.GROUP_MEMBERS_ON_GET))
      set("groupsReturnMembers", false, "a GET of the group did not return the member just added");
  }

  /** Bulk off when it was tried and failed (not tried: the scratch user was never created). */
  private void bulk() {
    Check bulk = checks.get(Probe.BULK);
    if (bulk != null && !bulk.works()) set("bulk", "off", bulk.detail());
  }

  private void etag() {
    Check etag = checks.get(Probe.ETAG);
    if (announced.etag() && etag != null && !etag.works())
      set("etag", "off", "discovery announces ETags, but " + etag.detail());
  }

  private void set(String name, Object value, String reason) {
    switches.put(name, value);
    reasons.put(name, reason);
  }

  private boolean works(String name) {
    Check check = checks.get(name);
    return check != null && check.works();
  }

  private boolean tried(String name) {
    Check check = checks.get(name);
    return check != null && check.tried();
  }
}
