package io.scimfleet.scheduler.config;

import static io.scimfleet.scheduler.config.ProviderField.lower;

import io.scimfleet.model.RequiredAttributes;
import io.scimfleet.model.TargetSwitches;
import java.util.List;

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
