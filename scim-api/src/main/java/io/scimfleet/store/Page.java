package io.scimfleet.store;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a cursor-paged listing in stable order.
 *
 * @param nextCursor pass it to get the next page; null when this was the last
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {
  public Page {
    items = List.copyOf(items);
  }

  public boolean hasNext() {
    return nextCursor != null;
  }
}
