package io.scimfleet.testing.scimple;

import jakarta.ws.rs.core.Response;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.directory.scim.core.repository.PatchHandler;
import org.apache.directory.scim.core.repository.Repository;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.exception.ResourceException;
import org.apache.directory.scim.spec.filter.Filter;
import org.apache.directory.scim.spec.filter.FilterExpressions;
import org.apache.directory.scim.spec.filter.FilterResponse;
import org.apache.directory.scim.spec.filter.PageRequest;
import org.apache.directory.scim.spec.filter.SortRequest;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.resources.ScimResource;
import org.apache.directory.scim.spec.schema.Meta;

/**
 * Our own storage behind SCIMple (SCIMple leaves storage to its user through {@link Repository}):
 * resources in memory in creation order, a server-made id, {@code meta.created} and {@code
 * meta.lastModified} kept, filters evaluated by SCIMple's own in-memory matcher, PATCH applied by
 * SCIMple's {@link PatchHandler}. A unique key (the user's userName, case-insensitive as RFC 7643
 * §4.1.1 says) refuses a duplicate with 409.
 */
abstract class InMemoryRepository<T extends ScimResource> implements Repository<T> {
  private final AtomicLong sequence = new AtomicLong();
  private final ConcurrentSkipListMap<Long, T> byOrder = new ConcurrentSkipListMap<>();
  private final Map<String, Long> orderOfId = new ConcurrentHashMap<>();
  private final Map<String, String> idOfKey = new ConcurrentHashMap<>();
  private final SchemaRegistry schemas;
  private final PatchHandler patches;
  private final String schemaUrn;
  private final String resourceType;

  InMemoryRepository(
      SchemaRegistry schemas, PatchHandler patches, String schemaUrn, String resourceType) {
    this.schemas = schemas;
    this.patches = patches;
    this.schemaUrn = schemaUrn;
    this.resourceType = resourceType;
  }

  /** The unique key of a resource (lower case), or null when the type has none. */
  abstract String key(T resource);

  @Override
  public T create(T resource) throws ResourceException {
    String id = UUID.randomUUID().toString();
    claim(key(resource), id);
    resource.setId(id);
    LocalDateTime now = now();
    resource.setMeta(new Meta().setResourceType(resourceType).setCreated(now).setLastModified(now));
    long order = sequence.incrementAndGet();
    orderOfId.put(id, order);
    byOrder.put(order, resource);
    return resource;
  }

  @Override
  public T update(
      String id,
      String version,
      T resource,
      Set<AttributeReference> included,
      Set<AttributeReference> excluded)
      throws ResourceException {
    T old = existing(id);
    return replace(id, old, resource);
  }

  @Override
  public T patch(
      String id,
      String version,
      List<PatchOperation> operations,
      Set<AttributeReference> included,
      Set<AttributeReference> excluded)
      throws ResourceException {
    T old = existing(id);
    return replace(id, old, patches.apply(old, operations));
  }

  private synchronized T replace(String id, T old, T resource) throws ResourceException {
    String oldKey = key(old);
    String newKey = key(resource);
    if (newKey != null && !newKey.equals(oldKey)) claim(newKey, id);
    if (oldKey != null && !oldKey.equals(newKey)) idOfKey.remove(oldKey, id);
    resource.setId(id);
    resource.setMeta(
        new Meta()
            .setResourceType(resourceType)
            .setCreated(old.getMeta().getCreated())
            .setLastModified(now()));
    byOrder.put(orderOfId.get(id), resource);
    return resource;
  }

  @Override
  public T get(String id) {
    Long order = orderOfId.get(id);
    return order == null ? null : byOrder.get(order);
  }

  @Override
  public FilterResponse<T> find(Filter filter, PageRequest page, SortRequest sort) {
    Predicate<ScimResource> matches =
        filter == null
            ? r -> true
            : FilterExpressions.inMemory(filter, schemas.getSchema(schemaUrn));
    List<T> all = byOrder.values().stream().filter(matches).collect(Collectors.toList());
    int start = page.getStartIndex() == null ? 0 : Math.max(0, page.getStartIndex() - 1);
    int count = page.getCount() == null ? all.size() : page.getCount();
    List<T> window = all.stream().skip(start).limit(count).collect(Collectors.toList());
    return new FilterResponse<>(window, page, all.size());
  }

  @Override
  public void delete(String id) throws ResourceException {
    T old = existing(id);
    Long order = orderOfId.remove(id);
    if (order != null) byOrder.remove(order);
    String key = key(old);
    if (key != null) idOfKey.remove(key, id);
  }

  /** Deletes everything (the bench's reset between runs that need an empty target). */
  void clear() {
    byOrder.clear();
    orderOfId.clear();
    idOfKey.clear();
  }

  private T existing(String id) throws ResourceException {
    T old = get(id);
    if (old == null) throw new ResourceException(404, "no " + resourceType + " with id " + id);
    return old;
  }

  private void claim(String key, String id) throws ResourceException {
    if (key == null) return;
    String holder = idOfKey.putIfAbsent(key, id);
    if (holder != null && !holder.equals(id))
      throw new ResourceException(
          Response.Status.CONFLICT.getStatusCode(),
          resourceType + " '" + key + "' already exists (id " + holder + ")");
  }

  private static LocalDateTime now() {
    return LocalDateTime.now(ZoneOffset.UTC);
  }
}
