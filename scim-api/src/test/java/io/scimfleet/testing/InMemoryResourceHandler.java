package io.scimfleet.testing;

import de.captaingoldfish.scim.sdk.common.constants.enums.SortOrder;
import de.captaingoldfish.scim.sdk.common.exceptions.ConflictException;
import de.captaingoldfish.scim.sdk.common.exceptions.ResourceNotFoundException;
import de.captaingoldfish.scim.sdk.common.resources.ResourceNode;
import de.captaingoldfish.scim.sdk.common.resources.complex.Meta;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceHandler;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.filter.resources.FilterResourceResolver;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;
import de.captaingoldfish.scim.sdk.server.sort.ResourceNodeComparator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A SCIM-SDK resource handler over a {@link ConcurrentHashMap}: ids are UUIDs, one attribute is
 * unique (case-insensitively; a duplicate is a 409 {@code uniqueness}), filtering is the SDK's,
 * listing is in creation order. Writes are serialised so that the uniqueness check is atomic.
 * Abstract because the SDK reads the resource class from the handler's generic superclass: each
 * resource type needs its own concrete subclass.
 */
abstract class InMemoryResourceHandler<T extends ResourceNode> extends ResourceHandler<T> {
  private final Map<String, T> resources = new ConcurrentHashMap<>();
  private final Map<String, Long> order = new ConcurrentHashMap<>();

  /**
   * Lower-cased unique value → id, so that a create checks uniqueness without scanning everything.
   */
  private final Map<String, String> idByUniqueValue = new ConcurrentHashMap<>();

  private final AtomicLong sequence = new AtomicLong();
  private final String resourceType;
  private final String uniqueName;
  private boolean acceptDuplicates;
  private final Function<T, Optional<String>> uniqueValue;

  InMemoryResourceHandler(
      String resourceType, String uniqueName, Function<T, Optional<String>> uniqueValue) {
    this.resourceType = resourceType;
    this.uniqueName = uniqueName;
    this.uniqueValue = uniqueValue;
  }

  List<T> all() {
    List<T> all = new ArrayList<>(resources.values());
    all.sort(
        Comparator.comparing(
            resource -> order.getOrDefault(resource.getId().orElse(""), Long.MAX_VALUE)));
    return all;
  }

  synchronized void clear() {
    resources.clear();
    order.clear();
    idByUniqueValue.clear();
  }

  @Override
  public synchronized T createResource(T resource, Context context) {
    checkUnique(resource, null);
    Instant now = Instant.now();
    resource.setId(UUID.randomUUID().toString());
    stamp(resource, now, now);
    order.put(resource.getId().orElseThrow(), sequence.incrementAndGet());
    resources.put(resource.getId().orElseThrow(), resource);
    uniqueKey(resource).ifPresent(key -> idByUniqueValue.put(key, resource.getId().orElseThrow()));
    return resource;
  }

  @Override
  public T getResource(
      String id,
      List<SchemaAttribute> attributes,
      List<SchemaAttribute> excluded,
      Context context) {
    T resource = resources.get(id);
    if (resource == null)
      throw new ResourceNotFoundException(resourceType + " " + id + " does not exist");
    return resource;
  }

  @Override
  public PartialListResponse<T> listResources(
      long startIndex,
      int count,
      FilterNode filter,
      SchemaAttribute sortBy,
      SortOrder sortOrder,
      List<SchemaAttribute> attributes,
      List<SchemaAttribute> excluded,
      Context context) {
    List<T> matching = matching(filter);
    // SCIM-SDK hands a sortBy over only where sort.supported is announced
    if (sortBy != null) {
      matching = new ArrayList<>(matching);
      matching.sort(new ResourceNodeComparator(sortBy, sortOrder));
    }
    int from = (int) Math.min(Math.max(startIndex - 1, 0), matching.size());
    int to = Math.min(from + Math.max(count, 0), matching.size());
    return PartialListResponse.<T>builder()
        .resources(new ArrayList<>(matching.subList(from, to)))
        .totalResults(matching.size())
        .build();
  }

  private List<T> matching(FilterNode filter) {
    if (filter == null) return all();
    Optional<String> escaped = EscapedEquality.decodedValue(filter);
    if (escaped.isPresent()) return EscapedEquality.filter(all(), filter, escaped.get());
    return FilterResourceResolver.filterResources(getServiceProvider(), all(), filter);
  }

  @Override
  public synchronized T updateResource(T resource, Context context) {
    String id = resource.getId().orElseThrow();
    T existing = getResource(id, List.of(), List.of(), context);
    checkUnique(resource, id);
    Instant created = existing.getMeta().flatMap(Meta::getCreated).orElse(Instant.now());
    stamp(resource, created, Instant.now());
    uniqueKey(existing).ifPresent(idByUniqueValue::remove);
    resources.put(id, resource);
    uniqueKey(resource).ifPresent(key -> idByUniqueValue.put(key, id));
    return resource;
  }

  @Override
  public synchronized void deleteResource(String id, Context context) {
    order.remove(id);
    T removed = resources.remove(id);
    if (removed == null)
      throw new ResourceNotFoundException(resourceType + " " + id + " does not exist");
    uniqueKey(removed).ifPresent(idByUniqueValue::remove);
  }

  /** Sets meta's values: the SDK pre-fills meta and refuses to have it replaced whole. */
  private void stamp(T resource, Instant created, Instant lastModified) {
    Meta meta = resource.getMeta().orElseGet(Meta::new);
    meta.setResourceType(resourceType);
    meta.setCreated(created);
    meta.setLastModified(lastModified);
    if (resource.getMeta().isEmpty()) resource.setMeta(meta);
  }

  private Optional<String> uniqueKey(T resource) {
    return uniqueValue.apply(resource).map(v -> v.toLowerCase(Locale.ROOT));
  }

  /**
   * Accepts a second resource with the same unique value, as many real targets do (the filter then
   * finds both); {@code false} again restores the 409.
   */
  synchronized void acceptDuplicates(boolean value) {
    acceptDuplicates = value;
  }

  private void checkUnique(T resource, String ownId) {
    if (acceptDuplicates) return;
    String holder = uniqueKey(resource).map(idByUniqueValue::get).orElse(null);
    boolean taken = holder != null && !holder.equals(ownId);
    if (taken)
      throw new ConflictException(
          uniqueName + " '" + uniqueValue.apply(resource).orElse("") + "' already exists",
          "uniqueness");
  }
}
