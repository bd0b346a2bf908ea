package io.scimfleet.worker.pipeline;

import io.scimfleet.model.DriftMarks;
import io.scimfleet.model.ObjectType;
import io.scimfleet.scim.ListResponse;
import io.scimfleet.scim.ScimException;
import io.scimfleet.scim.ScimResource;
import io.scimfleet.scim.SearchRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Finds out, once per provider, how the incremental drift check can read a target (up to five
 * requests on {@code /Users}): one user with its {@code meta}, to learn whether the target keeps
 * {@code meta.lastModified} at all; then, where {@code /ServiceProviderConfig} announces filtering,
 * {@code meta.lastModified gt} a time after that user's (must match nothing, or the filter is
 * ignored) and one just before it (must match at least that user, each match modified after that
 * time). Where the filter does not hold and sorting is announced, the first user sorted by {@code
 * meta.lastModified} descending and the first ascending (the first must be later than the second,
 * and neither on the wrong side of the sample). Discovery lies (VENDORS.md): a filter or sort
 * announced but ignored or refused is not used.
 */
final class DriftProbe {
  /** What the newest-first check sorts by. */
  static final String LAST_MODIFIED = "meta.lastModified";

  private DriftProbe() {}

  /**
   * {@code filter}, {@code sort}, {@code listing} or {@code none}; null when the target holds no
   * user to tell by, or sorts users whose times are all the same (then ask again next time).
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
    if (filterHonoured(ctx, one, modified)) return DriftMarks.Incremental.FILTER;
    if (!ctx.client().capabilities().sort()) return DriftMarks.Incremental.LISTING;
    return sortHonoured(ctx, one, modified);
  }

  private static boolean filterHonoured(ProviderContext ctx, SearchRequest one, Instant modified) {
    if (!ctx.client().capabilities().filter().supported()) return false;
    try {
      ListResponse none =
          ctx.client()
              .search(
                  ObjectType.USER.endpoint(),
                  one.withFilter(DriftRun.changedSince(modified.plus(Duration.ofDays(3650)))));
      if (none.totalResults() != 0 || !none.resources().isEmpty()) return false;
      Instant before = modified.minusSeconds(1);
      ListResponse some =
          ctx.client()
              .search(ObjectType.USER.endpoint(), one.withFilter(DriftRun.changedSince(before)));
      if (some.resources().isEmpty()) return false;
      for (ScimResource match : some.resources()) {
        Instant at = TargetSnapshot.lastModified(match);
        if (at == null || !at.isAfter(before)) return false;
      }
      return true;
    } catch (ScimException refused) {
      if (!answered(refused)) throw refused;
      return false; // the filter is refused
    }
  }

  /**
   * {@code sort} when a later user comes first descending than ascending; {@code listing} when the
   * order is ignored (the same user first both ways) or refused; null when they cannot be told
   * apart yet (users of the same time, or one user).
   */
  private static DriftMarks.@Nullable Incremental sortHonoured(
      ProviderContext ctx, SearchRequest one, Instant sample) {
    ListResponse newest;
    ListResponse oldest;
    try {
      newest = ctx.client().search(ObjectType.USER.endpoint(), one.sortedBy(LAST_MODIFIED, true));
      oldest = ctx.client().search(ObjectType.USER.endpoint(), one.sortedBy(LAST_MODIFIED, false));
    } catch (ScimException refused) {
      if (!answered(refused)) throw refused;
      return DriftMarks.Incremental.LISTING; // the sort is refused
    }
    if (newest.resources().isEmpty() || oldest.resources().isEmpty())
      return DriftMarks.Incremental.LISTING;
    ScimResource first = newest.resources().get(0);
    ScimResource last = oldest.resources().get(0);
    Instant latest = TargetSnapshot.lastModified(first);
    Instant earliest = TargetSnapshot.lastModified(last);
    if (latest == null
        || earliest == null
        || latest.isBefore(sample)
        || earliest.isAfter(sample)
        || latest.isBefore(earliest)) return DriftMarks.Incremental.LISTING;
    if (latest.isAfter(earliest)) return DriftMarks.Incremental.SORT;
    boolean sameUser = Objects.equals(first.id(), last.id());
    return sameUser && newest.totalResults() > 1 ? DriftMarks.Incremental.LISTING : null;
  }

  /** A 4xx other than 429: the target answered no (not a failure to retry). */
  private static boolean answered(ScimException e) {
    return e.status() >= 400 && e.status() < 500 && e.status() != 429;
  }
}
