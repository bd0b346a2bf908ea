package io.scimfleet.scheduler.source;

import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.DirectoryStore;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sources: their settings, their status, the objects each owns (directory id to DN) with the
 * deletions its guard holds, the lease that lets one scheduler read a source, and requests for a
 * full read now.
 */
public interface SourceStore {
  void put(Source source);

  Optional<Source> get(String name);

  /** All sources, ordered by name. */
  List<Source> list();

  /**
   * Removes the settings, status, lease and read request; owned objects and held deletions stay.
   */
  boolean delete(String name);

  Optional<SourceStatus> status(String name);

  void putStatus(String name, SourceStatus status);

  /** The objects of this type the source owns: directory id to normalized DN. */
  Map<String, String> owned(String source, ObjectType type);

  /** Records these objects as the source's (id to DN), adding to or updating what it owns. */
  void own(String source, ObjectType type, Map<String, String> objects);

  void disown(String source, ObjectType type, Collection<String> ids);

  /** The source owning this object, if any. */
  Optional<String> ownerOf(ObjectType type, String id);

  /** The owners of these objects, in one round trip where the store can; unowned ones left out. */
  Map<String, String> owners(ObjectType type, Collection<String> ids);

  /**
   * Writes the user to {@code directory} ({@code unique}: {@link DirectoryStore#putUniqueUser})
   * unless a source owns it: then {@link SourceOwnedException} and nothing is written. This default
   * looks the owner up, then writes; a store that can check inside the write itself does so.
   */
  default void putUnownedUser(DirectoryStore directory, DirectoryUser user, boolean unique) {
    Optional<String> owner = ownerOf(ObjectType.USER, user.id());
    if (owner.isPresent()) throw new SourceOwnedException(ObjectType.USER, user.id(), owner.get());
    if (unique) directory.putUniqueUser(user);
    else directory.putUser(user);
  }

  /** The deletions held for this source, of one type: id to DN. */
  Map<String, String> held(String source, ObjectType type);

  /** Replaces the held deletions of one type (empty: none held). */
  void hold(String source, ObjectType type, Map<String, String> objects);

  /**
   * Takes or renews the source's lease for {@code holder}; false while another holder has it. The
   * lease lapses after {@code ttl} unless renewed.
   */
  boolean lease(String source, String holder, Duration ttl);

  void releaseLease(String source, String holder);

  /** Asks whichever scheduler holds the lease for a full read now. */
  void requestRead(String source);

  /** True (once) when a full read was requested since the last call. */
  boolean takeReadRequest(String source);
}
