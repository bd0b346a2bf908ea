package io.scimfleet.scheduler.source.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.IntermediateResponse;
import com.unboundid.ldap.sdk.IntermediateResponseListener;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.ContentSyncDoneControl;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoIntermediateResponse;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoType;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestControl;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestMode;
import com.unboundid.ldap.sdk.controls.ContentSyncState;
import com.unboundid.ldap.sdk.controls.ContentSyncStateControl;
import io.scimfleet.scheduler.source.Source;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * RFC 4533 content synchronization in refreshOnly mode (OpenLDAP's syncprov): with the cookie of
 * the last read, the server sends only what changed (added and modified entries in full), and
 * either the ids of everything still present (present phase) or of what was deleted (delete phase);
 * nothing at all when nothing changed. Ids are entryUUIDs, so a source using it keeps the default
 * {@code idAttribute}. The cookie is kept in the status's mark as {@code cookie:<base64>}.
 */
public final class ContentSync {
  public static final String MARK_PREFIX = "cookie:";

  private ContentSync() {}

  /** Whether a mark is a content sync cookie (else a modifyTimestamp). */
  public static boolean isCookie(@Nullable String mark) {
    return mark != null && mark.startsWith(MARK_PREFIX);
  }

  /** A cookie naming the server's state now: taken before a full read, so nothing falls between. */
  static String cookieNow(LDAPConnection connection, Source source) throws LDAPException {
    SearchRequest request =
        new SearchRequest(
            source.baseDn(),
            SearchScope.BASE,
            Filter.createNOTFilter(Filter.createPresenceFilter("objectClass")),
            "1.1");
    request.addControl(
        new ContentSyncRequestControl(true, ContentSyncRequestMode.REFRESH_ONLY, null, false));
    SearchResult result = connection.search(request);
    ContentSyncDoneControl done = ContentSyncDoneControl.get(result);
    if (done == null || done.getCookie() == null)
      throw new LDAPException(result.getResultCode(), "the server gave no content sync cookie");
    return MARK_PREFIX + Base64.getEncoder().encodeToString(done.getCookie().getValue());
  }

  /**
   * What changed since the cookie: the changed entries and every id in scope now (the owned ones
   * stand in for the ids a delete phase does not repeat).
   */
  public static DirectoryRead poll(
      Source source,
      @Nullable String password,
      String mark,
      Map<String, String> ownedUsers,
      Map<String, String> ownedGroups) {
    EntryShape shape = new EntryShape(source);
    try (LDAPConnection connection = LdapConnector.open(source, password)) {
      String next = cookieNow(connection, source);
      Phase users =
          search(
              connection,
              source,
              source.usersUnder(),
              source.userFilter(),
              shape.userAttributes(),
              mark);
      Phase groups =
          search(
              connection,
              source,
              source.groupsUnder(),
              source.groupFilter(),
              shape.groupAttributes(),
              mark);
      List<LdapUser> changedUsers = collect(users.changed, shape::user);
      List<LdapGroup> changedGroups = collect(groups.changed, shape::group);
      return new DirectoryRead(
          users.present(ownedUsers),
          groups.present(ownedGroups),
          changedUsers,
          changedGroups,
          next,
          0,
          null);
    } catch (LDAPException e) {
      throw new SourceReadException(
          "content sync of " + source.baseDn() + " failed: " + e.getExceptionMessage(), e);
    }
  }

  private static <T> List<T> collect(
      List<SearchResultEntry> entries, Function<SearchResultEntry, java.util.Optional<T>> convert) {
    List<T> objects = new ArrayList<>();
    entries.forEach(entry -> convert.apply(entry).ifPresent(objects::add));
    return objects;
  }

  private static Phase search(
      LDAPConnection connection,
      Source source,
      String base,
      String filter,
      String[] attributes,
      String mark)
      throws LDAPException {
    Phase phase = new Phase();
    SearchRequest request = new SearchRequest(phase, base, SearchScope.SUB, filter, attributes);
    request.setTimeLimitSeconds(source.timeoutSeconds());
    request.setIntermediateResponseListener(phase);
    ASN1OctetString cookie =
        new ASN1OctetString(Base64.getDecoder().decode(mark.substring(MARK_PREFIX.length())));
    request.addControl(
        new ContentSyncRequestControl(true, ContentSyncRequestMode.REFRESH_ONLY, cookie, false));
    SearchResult result = connection.search(request);
    ContentSyncDoneControl done = ContentSyncDoneControl.get(result);
    phase.deletePhase = phase.deletePhase || done == null || done.refreshDeletes();
    return phase;
  }

  /** What one refreshOnly search said. */
  private static final class Phase implements SearchResultListener, IntermediateResponseListener {
    private static final long serialVersionUID = 1L;
    final List<SearchResultEntry> changed = new ArrayList<>();
    final Map<String, String> presentDns = new HashMap<>();
    final Set<String> presentIds = new HashSet<>();
    final Set<String> deleted = new HashSet<>();
    boolean deletePhase;

    @Override
    public void searchEntryReturned(SearchResultEntry entry) {
      ContentSyncStateControl state;
      try {
        state = ContentSyncStateControl.get(entry);
      } catch (LDAPException e) {
        return;
      }
      if (state == null) return;
      String id = id(state.getEntryUUID());
      if (state.getState() == ContentSyncState.DELETE) {
        deleted.add(id);
        return;
      }
      presentDns.put(id, Dns.normalize(entry.getDN()));
      if (state.getState() != ContentSyncState.PRESENT) changed.add(entry);
    }

    @Override
    public void searchReferenceReturned(SearchResultReference reference) {}

    @Override
    public void intermediateResponseReturned(IntermediateResponse response) {
      ContentSyncInfoIntermediateResponse info;
      try {
        info = ContentSyncInfoIntermediateResponse.decode(response);
      } catch (LDAPException e) {
        return;
      }
      if (info.getType() == ContentSyncInfoType.SYNC_ID_SET) {
        for (UUID uuid : info.getEntryUUIDs())
          (info.refreshDeletes() ? deleted : presentIds).add(id(uuid));
      } else if (info.getType() == ContentSyncInfoType.REFRESH_DELETE) {
        deletePhase = true;
      }
    }

    /** Every id in scope now: id to DN, the owned DN where the server sent none. */
    Map<String, String> present(Map<String, String> owned) {
      Map<String, String> present = new HashMap<>();
      if (deletePhase) {
        present.putAll(owned);
        deleted.forEach(present::remove);
      }
      presentIds.forEach(id -> present.put(id, owned.getOrDefault(id, "")));
      present.putAll(presentDns);
      deleted.forEach(present::remove);
      return present;
    }

    private static String id(UUID uuid) {
      return uuid.toString();
    }
  }
}
