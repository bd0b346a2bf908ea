package io.scimfleet.model;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a provider's drift checks remember between full syncs: when the target was last read in full
 * and last checked incrementally, how an incremental check reads it, and per type where the next
 * one starts.
 *
 * @param lastFullCheck when the last full read of the target started; null: never
 * @param lastIncrementalCheck when the last incremental check started; null: never
 * @param fullRequestedAt a full read asked for ({@code ?drift=full}) at this instant: the first
 *     full sync whose drift check starts later reads the target in full
 * @param incremental how the incremental check reads this target, verified once; null: not yet
 * @param types per type, the target's own time up to which changes were seen, and how many objects
 *     the fleet does not manage it held
 */
public record DriftMarks(
    @Nullable Instant lastFullCheck,
    @Nullable Instant lastIncrementalCheck,
    @Nullable Instant fullRequestedAt,
    @Nullable Incremental incremental,
    Map<ObjectType, TypeMarks> types) {

  /** How an incremental check finds the objects changed on the target since the last check. */
  public enum Incremental {
    /**
     * {@code filter=meta.lastModified gt "…"}: the target announces filtering and was seen to
     * honour it.
     */
    FILTER,
    /**
     * {@code sortBy=meta.lastModified&sortOrder=descending}: the target announces sorting and was
     * seen to honour it; pages are read newest first up to the first object not changed since.
     */
    SORT,
    /**
     * The target neither filters nor sorts by {@code meta.lastModified}: only its number is asked,
     * and a number other than expected (objects deleted or created by hand) lists {@code id} and
     * {@code meta}, compared here with the last listing's time. Attribute edits wait for the full
     * read on {@code driftCheckCron}.
     */
    LISTING,
    /** The target shows no {@code meta.lastModified}: only the full read finds hand edits. */
    NONE;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** From {@link #label()}; null for null or an unknown label (then verified again). */
    public static @Nullable Incremental parse(@Nullable String label) {
      if (label == null) return null;
      for (Incremental value : values()) if (value.label().equals(label)) return value;
      return null;
    }
  }

  /**
   * Where the next incremental check of one type starts.
   *
   * @param since the latest {@code meta.lastModified} seen on the target (the target's clock);
   *     null: unknown
   * @param unmanaged the objects of this type on the target that the fleet does not manage, at the
   *     last listing; -1: unknown
   */
  public record TypeMarks(@Nullable Instant since, long unmanaged) {
    public static final TypeMarks UNKNOWN = new TypeMarks(null, -1);
  }

  public static final DriftMarks NONE = new DriftMarks(null, null, null, null, Map.of());

  public DriftMarks {
    Map<ObjectType, TypeMarks> copy = new EnumMap<>(ObjectType.class);
    if (types != null) copy.putAll(types);
    types = Map.copyOf(copy);
  }

  public TypeMarks of(ObjectType type) {
    return types.getOrDefault(type, TypeMarks.UNKNOWN);
  }

  /** A full read is asked for and no full read started since. */
  public boolean fullRequested() {
    return fullRequestedAt != null
        && (lastFullCheck == null || lastFullCheck.isBefore(fullRequestedAt));
  }

  public DriftMarks withFullCheck(Instant at) {
    return new DriftMarks(at, lastIncrementalCheck, fullRequestedAt, incremental, types);
  }

  public DriftMarks withIncrementalCheck(Instant at) {
    return new DriftMarks(lastFullCheck, at, fullRequestedAt, incremental, types);
  }

  public DriftMarks withFullRequestedAt(@Nullable Instant at) {
    return new DriftMarks(lastFullCheck, lastIncrementalCheck, at, incremental, types);
  }

  public DriftMarks withIncremental(@Nullable Incremental value) {
    return new DriftMarks(lastFullCheck, lastIncrementalCheck, fullRequestedAt, value, types);
  }

  public DriftMarks with(ObjectType type, TypeMarks marks) {
    Map<ObjectType, TypeMarks> copy = new EnumMap<>(ObjectType.class);
    copy.putAll(types);
    copy.put(type, marks);
    return new DriftMarks(lastFullCheck, lastIncrementalCheck, fullRequestedAt, incremental, copy);
  }
}
