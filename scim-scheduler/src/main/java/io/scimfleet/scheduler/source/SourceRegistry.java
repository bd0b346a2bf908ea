package io.scimfleet.scheduler.source;

import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.DirectoryStore;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where source settings are written, from the API or the YAML file: validated by {@link
 * SourceConversion} and stored; the lease holder reads a new or changed source at its next tick.
 * Removing a source holds its objects' deletions (its guard decides nothing by itself then): they
 * go by {@code POST …/deletions/release}, or stay, as objects of no source, by {@code DELETE
 * …/deletions}.
 */
public final class SourceRegistry {
  private final SourceStore store;
  private final SourcePasswords passwords;
  private final SourceDeletions deletions;

  public SourceRegistry(SourceStore store, DirectoryStore directory, SourcePasswords passwords) {
    this.store = store;
    this.passwords = passwords;
    this.deletions = new SourceDeletions(directory, store);
  }

  public SourceStore store() {
    return store;
  }

  public SourcePasswords passwords() {
    return passwords;
  }

  public SourceDeletions deletions() {
    return deletions;
  }

  /** Validates and stores; nothing is stored when a check fails. */
  public Source put(String name, SourceRequest request) {
    Source source = SourceConversion.toSource(name, request, passwords);
    put(source);
    return source;
  }

  /** Stores a valid source unless it is stored exactly so; true when it changed. */
  public boolean put(Source source) {
    Optional<Source> stored = store.get(source.name());
    if (stored.isPresent() && stored.get().equals(source)) return false;
    store.put(source);
    return true;
  }

  public Optional<Source> get(String name) {
    return store.get(name);
  }

  public List<Source> list() {
    return store.list();
  }

  /** Removes the settings and holds the deletion of its objects; false when it did not exist. */
  public boolean delete(String name) {
    if (!store.delete(name)) return false;
    deletions.holdAll(name);
    return true;
  }

  /** Refuses a write to any of these objects when a source owns one (one look-up per 1000). */
  public void requireWritable(ObjectType type, Collection<String> ids) {
    store.owners(type, ids).entrySet().stream()
        .findFirst()
        .ifPresent(
            owned -> {
              throw new SourceOwnedException(type, owned.getKey(), owned.getValue());
            });
  }

  /** Writes the user unless a source owns it ({@link SourceStore#putUnownedUser}). */
  public void putUnownedUser(DirectoryStore directory, DirectoryUser user, boolean unique) {
    store.putUnownedUser(directory, user, unique);
  }

  /** Refuses a write to an object a source owns. */
  public void requireWritable(ObjectType type, String id) {
    Optional<String> owner = store.ownerOf(type, id);
    if (owner.isPresent()) throw new SourceOwnedException(type, id, owner.get());
  }
}
