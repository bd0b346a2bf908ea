package io.scimfleet.scheduler.source.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import io.scimfleet.scheduler.source.ChangeDetection;
import io.scimfleet.scheduler.source.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a source over one bound connection: a full read (every user and group with its attributes)
 * or a poll (every id and DN, plus the entries whose {@code modifyTimestamp} is at or after the
 * last mark). Searches page through the server with the simple paged results control (RFC 2696)
 * when {@code pageSize} is above 0. Any failure is a {@link SourceReadException}: nothing of a
 * partial read is used.
 */
public final class LdapReader {
  /** RFC 4533 content synchronization (OpenLDAP's syncprov). */
  static final String SYNC_REQUEST_OID = "1.3.6.1.4.1.4203.1.9.1.1";

  /** Active Directory's DirSync. */
  static final String DIRSYNC_OID = "1.2.840.113556.1.4.841";

  private final Source source;
  private final EntryShape shape;
  private final LDAPConnection connection;
  private @Nullable String mark;
  private int skipped;

  private LdapReader(Source source, LDAPConnection connection) {
    this.source = source;
    this.shape = new EntryShape(source);
    this.connection = connection;
  }

  /** Everything in scope, with its attributes. */
  public static DirectoryRead fullRead(Source source, @Nullable String password) {
    try (LDAPConnection connection = LdapConnector.open(source, password)) {
      return new LdapReader(source, connection).readAll();
    }
  }

  /** Every id and DN in scope, and the entries changed since {@code since}. */
  public static DirectoryRead poll(
      Source source, @Nullable String password, @Nullable String since) {
    try (LDAPConnection connection = LdapConnector.open(source, password)) {
      return new LdapReader(source, connection).readChanges(since);
    }
  }

  private DirectoryRead readAll() {
    String announced = announced();
    String cookie = contentSync(announced) ? cookieNow() : null;
    List<LdapUser> users = new ArrayList<>();
    List<LdapGroup> groups = new ArrayList<>();
    search(
        source.usersUnder(),
        source.userFilter(),
        shape.userAttributes(),
        entry -> user(entry, users));
    search(
        source.groupsUnder(),
        source.groupFilter(),
        shape.groupAttributes(),
        entry -> group(entry, groups));
    Map<String, String> userDns = new HashMap<>();
    users.forEach(user -> userDns.put(user.id(), user.dn()));
    Map<String, String> groupDns = new HashMap<>();
    groups.forEach(group -> groupDns.put(group.id(), group.dn()));
    return new DirectoryRead(
        userDns, groupDns, users, groups, cookie != null ? cookie : mark, skipped, announced);
  }

  /**
   * Whether polls use RFC 4533 content sync: asked for ({@code syncrepl}), or {@code auto} where
   * the server announces it; both need entryUUID ids.
   */
  private boolean contentSync(@Nullable String announced) {
    boolean byUuid =
        source.idAttribute() == null || source.idAttribute().equalsIgnoreCase("entryUUID");
    boolean offered = "syncprov".equals(announced);
    if (source.changeDetection() == ChangeDetection.SYNCREPL) {
      if (!offered)
        throw new SourceReadException(
            "changeDetection syncrepl: the server does not announce RFC 4533 content sync"
                + " (OpenLDAP's syncprov overlay); use auto or modifyTimestamp",
            null);
      if (!byUuid)
        throw new SourceReadException(
            "changeDetection syncrepl needs entryUUID ids: remove idAttribute "
                + source.idAttribute(),
            null);
      return true;
    }
    return source.changeDetection() == ChangeDetection.AUTO && offered && byUuid;
  }

  private String cookieNow() {
    try {
      return ContentSync.cookieNow(connection, source);
    } catch (LDAPException e) {
      throw new SourceReadException("content sync cookie: " + e.getExceptionMessage(), e);
    }
  }

  /** What change detection the server announces in its root DSE; null when it says nothing. */
  private @Nullable String announced() {
    try {
      RootDSE root = connection.getRootDSE();
      if (root == null) return null;
      if (root.supportsControl(SYNC_REQUEST_OID)) return "syncprov";
      if (root.supportsControl(DIRSYNC_OID)) return "dirsync";
      return null;
    } catch (LDAPException e) {
      return null;
    }
  }

  private DirectoryRead readChanges(@Nullable String since) {
    Map<String, String> userDns = list(source.usersUnder(), source.userFilter());
    Map<String, String> groupDns = list(source.groupsUnder(), source.groupFilter());
    List<LdapUser> users = new ArrayList<>();
    List<LdapGroup> groups = new ArrayList<>();
    mark = since;
    search(
        source.usersUnder(),
        changedSince(source.userFilter(), since),
        shape.userAttributes(),
        entry -> user(entry, users));
    search(
        source.groupsUnder(),
        changedSince(source.groupFilter(), since),
        shape.groupAttributes(),
        entry -> group(entry, groups));
    return new DirectoryRead(userDns, groupDns, users, groups, mark, skipped, null);
  }

  /** The entries with these DNs (found by a listing but never written), read one by one. */
  public static void readEntries(
      Source source,
      @Nullable String password,
      List<String> userDns,
      List<String> groupDns,
      DirectoryReadSink sink) {
    try (LDAPConnection connection = LdapConnector.open(source, password)) {
      LdapReader reader = new LdapReader(source, connection);
      for (String dn : userDns)
        reader
            .entry(dn, source.userFilter(), reader.shape.userAttributes())
            .flatMap(reader.shape::user)
            .ifPresent(sink::user);
      for (String dn : groupDns)
        reader
            .entry(dn, source.groupFilter(), reader.shape.groupAttributes())
            .flatMap(reader.shape::group)
            .ifPresent(sink::group);
    }
  }

  /** Where {@link #readEntries} hands what it read. */
  public interface DirectoryReadSink {
    void user(LdapUser user);

    void group(LdapGroup group);
  }

  private java.util.Optional<SearchResultEntry> entry(
      String dn, String filter, String[] attributes) {
    try {
      SearchResult result =
          connection.search(new SearchRequest(dn, SearchScope.BASE, filter, attributes));
      return result.getSearchEntries().stream().findFirst();
    } catch (LDAPException e) {
      throw new SourceReadException("read of " + dn + " failed: " + e.getExceptionMessage(), e);
    }
  }

  private Map<String, String> list(String base, String filter) {
    Map<String, String> dns = new HashMap<>();
    search(
        base,
        filter,
        shape.idOnly(),
        entry -> shape.id(entry).ifPresent(id -> dns.put(id, Dns.normalize(entry.getDN()))));
    return dns;
  }

  private void user(SearchResultEntry entry, List<LdapUser> users) {
    noteMark(entry);
    shape.user(entry).ifPresentOrElse(users::add, () -> skipped++);
  }

  private void group(SearchResultEntry entry, List<LdapGroup> groups) {
    noteMark(entry);
    shape.group(entry).ifPresentOrElse(groups::add, () -> skipped++);
  }

  private void noteMark(SearchResultEntry entry) {
    String stamp = entry.getAttributeValue(EntryShape.MODIFY_TIMESTAMP);
    if (stamp != null && (mark == null || stamp.compareTo(mark) > 0)) mark = stamp;
  }

  private static String changedSince(String filter, @Nullable String since) {
    if (since == null) return filter;
    return Filter.createANDFilter(
            parse(filter), Filter.createGreaterOrEqualFilter(EntryShape.MODIFY_TIMESTAMP, since))
        .toString();
  }

  private static Filter parse(String filter) {
    try {
      return Filter.create(filter);
    } catch (LDAPException e) {
      throw new SourceReadException("filter " + filter + ": " + e.getMessage(), e);
    }
  }

  private void search(
      String base, String filter, String[] attributes, Consumer<SearchResultEntry> each) {
    try {
      SearchRequest request = new SearchRequest(base, SearchScope.SUB, filter, attributes);
      request.setTimeLimitSeconds(source.timeoutSeconds());
      ASN1OctetString cookie = null;
      do {
        if (source.pageSize() > 0)
          request.setControls(new SimplePagedResultsControl(source.pageSize(), cookie, true));
        SearchResult result = connection.search(request);
        result.getSearchEntries().forEach(each);
        SimplePagedResultsControl paged = SimplePagedResultsControl.get(result);
        cookie = paged == null ? null : paged.getCookie();
      } while (source.pageSize() > 0 && cookie != null && cookie.getValueLength() > 0);
    } catch (LDAPException e) {
      throw new SourceReadException(
          "search of " + base + " with " + filter + " failed: " + e.getExceptionMessage(), e);
    }
  }
}
