package io.scimfleet.worker.pipeline;

import io.scimfleet.model.DriftMarks;
import io.scimfleet.model.ObjectType;
import io.scimfleet.scim.ListResponse;
import io.scimfleet.scim.ScimException;
import io.scimfleet.scim.ScimResource;
import io.scimfleet.scim.SearchRequest;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Finds out, once per provider, how the incremental drift check can read a target (three requests
 * on {@code /Users}): one user with its {@code meta}, to learn whether the target keeps {@code
 * meta.lastModified} at all; then, where {@code /ServiceProviderConfig} announces filtering, {@code
 * meta.lastModified gt} a time after that user's (must match nothing, or the filter is ignored) and
 * one just before it (must match at least that user, each match modified after that time).
 * Discovery lies (VENDORS.md): a filter announced but ignored or refused is not used.
 */
final class DriftProbe {
  private DriftProbe() {}

  /**
   * {@code filter}, {@code listing} or {@code none}; null when the target holds no user to tell by
   * (then ask again next time).
   */
  static DriftMarks.@Nullable Incremental verify(ProviderContext ctx) {
    SearchRequest one = SearchRequest.all().withCount(1).withAttributes(DriftRun.ID_META);
    ListResponse sample;
    try {
      sample = ctx.client().search(ObjectType.USER.endpoint(), one);
    } catch (ScimException refused) {
      if (!TargetSnapshot.refusesListing(refused)) throw refused;
      return DriftMarks.Incremental.NONE;
    }
    if (sample.resources().isEmpty()) return null;
    Instant modified = TargetSnapshot.lastModified(sample.resources().get(0));
    if (modified == null) return DriftMarks.Incremental.NONE;
    if (!ctx.client().capabilities().filter().supported()) return DriftMarks.Incremental.LISTING;
    try {
      ListResponse none =
          ctx.client()
              .search(
                  ObjectType.USER.endpoint(),
                  one.withFilter(DriftRun.changedSince(modified.plus(Duration.ofDays(3650)))));
      if (none.totalResults() != 0 || !none.resources().isEmpty())
        return DriftMarks.Incremental.LISTING;
      Instant before = modified.minusSeconds(1);
      ListResponse some =
          ctx.client()
              .search(ObjectType.USER.endpoint(), one.withFilter(DriftRun.changedSince(before)));
      if (some.resources().isEmpty()) return DriftMarks.Incremental.LISTING;
      for (ScimResource match : some.resources()) {
        Instant at = TargetSnapshot.lastModified(match);
        if (at == null || !at.isAfter(before)) return DriftMarks.Incremental.LISTING;
      }
      return DriftMarks.Incremental.FILTER;
    } catch (ScimException refused) {
      if (refused.status() >= 500 || refused.status() == 429 || refused.status() < 400)
        throw refused;
      return DriftMarks.Incremental.LISTING; // the filter is refused
    }
  }
}
