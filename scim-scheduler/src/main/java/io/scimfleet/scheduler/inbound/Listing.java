package io.scimfleet.scheduler.inbound;

import de.captaingoldfish.scim.sdk.common.constants.enums.Comparator;
import de.captaingoldfish.scim.sdk.common.resources.ResourceNode;
import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.server.filter.AndExpressionNode;
import de.captaingoldfish.scim.sdk.server.filter.AttributeExpressionLeaf;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.filter.resources.FilterResourceResolver;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;
import io.scimfleet.store.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One list request's page, built from candidates offered batch by batch: each batch is filtered by
 * the SCIM-SDK's own filter evaluation, every match is counted for {@code totalResults}, and only
 * the matches inside {@code startIndex} and {@code count} are kept, so a listing holds one batch
 * and one page in memory whatever the directory's size.
 */
final class Listing<T extends ResourceNode> {
  static final int BATCH = 500;

  private final long first;
  private final int count;
  private final FilterNode filter;
  private final ServiceProvider serviceProvider;
  private final List<T> page = new ArrayList<>();
  private long matched;

  Listing(long startIndex, int count, FilterNode filter, ServiceProvider serviceProvider) {
    this.first = Math.max(1, startIndex);
    this.count = Math.max(0, count);
    this.filter = filter;
    this.serviceProvider = serviceProvider;
  }

  void offer(List<T> candidates) {
    List<T> matches =
        filter == null
            ? candidates
            : FilterResourceResolver.filterResources(serviceProvider, candidates, filter);
    for (T match : matches) {
      matched++;
      if (matched >= first && page.size() < count) page.add(match);
    }
  }

  /**
   * Offers every object of a cursor-paged listing ({@code ids}), {@value #BATCH} at a time, each
   * batch turned into resources by {@code load}.
   */
  void offerEvery(
      BiFunction<String, Integer, Page<String>> ids, Function<List<String>, List<T>> load) {
    String cursor = null;
    do {
      Page<String> page = ids.apply(cursor, BATCH);
      offer(load.apply(page.items()));
      cursor = page.nextCursor();
    } while (cursor != null);
  }

  PartialListResponse<T> response() {
    return PartialListResponse.<T>builder().resources(page).totalResults(matched).build();
  }

  /**
   * The value that the filter requires {@code attribute} to equal, when it does at its top or in a
   * top-level {@code and}: such a listing needs to look at one object only.
   */
  static Optional<String> equality(FilterNode filter, String attribute) {
    if (filter instanceof AndExpressionNode and) {
      return equality(and.getLeftNode(), attribute)
          .or(() -> equality(and.getRightNode(), attribute));
    }
    if (filter instanceof AttributeExpressionLeaf leaf
        && leaf.getComparator() == Comparator.EQ
        && leaf.isMainSchemaNode()
        && (leaf.getParentAttributeName() == null || leaf.getParentAttributeName().isEmpty())
        && leaf.getComplexSubAttributeName() == null
        && attribute.equalsIgnoreCase(leaf.getAttributeName())) {
      return leaf.getStringValue();
    }
    return Optional.empty();
  }
}
