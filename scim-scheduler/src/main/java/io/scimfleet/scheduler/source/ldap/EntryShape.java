package io.scimfleet.scheduler.source.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.SearchResultEntry;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.scheduler.source.Source;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How a source's entries become directory users and groups: which attributes are asked for and
 * read. Defaults: id {@code entryUUID}, else AD's {@code objectGUID}; username {@code uid}, else
 * {@code sAMAccountName}; name {@code displayName}, else {@code cn}; email {@code mail}; given and
 * family name {@code givenName} and {@code sn}; active unless AD's {@code userAccountControl} has
 * bit 2 (disabled) set. {@code attributes} in the source replaces a field's default.
 */
public final class EntryShape {
  public static final Set<String> USER_FIELDS =
      Set.of("username", "name", "email", "givenName", "familyName");
  static final String MODIFY_TIMESTAMP = "modifyTimestamp";
  private static final String ACCOUNT_CONTROL = "userAccountControl";
  private static final int ACCOUNT_DISABLED = 2;
  private static final Map<String, List<String>> DEFAULTS =
      Map.of(
          "username", List.of("uid", "sAMAccountName"),
          "name", List.of("displayName", "cn"),
          "email", List.of("mail"),
          "givenName", List.of("givenName"),
          "familyName", List.of("sn"));

  private final Source source;
  private final Map<String, List<String>> fields = new HashMap<>();
  private final List<String> idAttributes;
  private final List<String> memberAttributes;

  public EntryShape(Source source) {
    this.source = source;
    DEFAULTS.forEach(
        (field, names) ->
            fields.put(
                field,
                source.attributes().containsKey(field)
                    ? List.of(source.attributes().get(field))
                    : names));
    idAttributes =
        source.idAttribute() != null
            ? List.of(source.idAttribute())
            : List.of("entryUUID", "objectGUID");
    memberAttributes =
        source.memberAttribute() != null
            ? List.of(source.memberAttribute())
            : List.of("member", "uniqueMember");
  }

  /** The attributes a user search asks for. */
  public String[] userAttributes() {
    Set<String> names = new LinkedHashSet<>(idAttributes);
    fields.values().forEach(names::addAll);
    names.addAll(source.extraAttributes());
    names.add(ACCOUNT_CONTROL);
    names.add(MODIFY_TIMESTAMP);
    return names.toArray(String[]::new);
  }

  /** The attributes a group search asks for. */
  public String[] groupAttributes() {
    Set<String> names = new LinkedHashSet<>(idAttributes);
    names.add("cn");
    names.addAll(memberAttributes);
    names.add(MODIFY_TIMESTAMP);
    return names.toArray(String[]::new);
  }

  /** The attributes a listing (ids and DNs only) asks for. */
  public String[] idOnly() {
    return idAttributes.toArray(String[]::new);
  }

  /** The entry's directory id; empty when it has none of the id attributes. */
  public Optional<String> id(SearchResultEntry entry) {
    for (String name : idAttributes) {
      Attribute attribute = entry.getAttribute(name);
      if (attribute != null && attribute.hasValue()) return Optional.of(idValue(attribute));
    }
    return Optional.empty();
  }

  /** The user, or empty without an id or a username. */
  public Optional<LdapUser> user(SearchResultEntry entry) {
    Optional<String> id = id(entry);
    String username = first(entry, "username");
    if (id.isEmpty() || username == null) return Optional.empty();
    Map<String, Object> attributes = new HashMap<>();
    putIfPresent(attributes, "givenName", first(entry, "givenName"));
    putIfPresent(attributes, "familyName", first(entry, "familyName"));
    String managerDn = null;
    for (String name : source.extraAttributes()) {
      if (name.equalsIgnoreCase("manager")) {
        String value = entry.getAttributeValue(name);
        managerDn = value == null ? null : Dns.normalize(value);
        continue;
      }
      extra(entry.getAttribute(name)).ifPresent(value -> attributes.put(name, value));
    }
    DirectoryUser user =
        new DirectoryUser(
            id.get(),
            username,
            first(entry, "name"),
            first(entry, "email"),
            active(entry),
            attributes);
    return Optional.of(new LdapUser(Dns.normalize(entry.getDN()), user, managerDn));
  }

  /** The group, or empty without an id. */
  public Optional<LdapGroup> group(SearchResultEntry entry) {
    Optional<String> id = id(entry);
    if (id.isEmpty()) return Optional.empty();
    String name = entry.getAttributeValue("cn");
    List<String> members = new ArrayList<>();
    for (String attribute : memberAttributes) {
      String[] values = entry.getAttributeValues(attribute);
      if (values == null) continue;
      for (String value : values)
        members.add(attribute.equalsIgnoreCase("memberUid") ? value : Dns.normalize(value));
    }
    return Optional.of(
        new LdapGroup(
            id.get(), Dns.normalize(entry.getDN()), name == null ? id.get() : name, members));
  }

  private @Nullable String first(SearchResultEntry entry, String field) {
    List<String> names =
        Objects.requireNonNull(
            fields.get(field), () -> "no LDAP attributes for the field " + field);
    for (String name : names) {
      String value = entry.getAttributeValue(name);
      if (value != null && !value.isBlank()) return value;
    }
    return null;
  }

  private static boolean active(SearchResultEntry entry) {
    Integer control = entry.getAttributeValueAsInteger(ACCOUNT_CONTROL);
    return control == null || (control & ACCOUNT_DISABLED) == 0;
  }

  private static Optional<Object> extra(Attribute attribute) {
    if (attribute == null || !attribute.hasValue()) return Optional.empty();
    String[] values = attribute.getValues();
    return Optional.of(values.length == 1 ? values[0] : List.of(values));
  }

  private static void putIfPresent(
      Map<String, Object> attributes, String name, @Nullable String value) {
    if (value != null) attributes.put(name, value);
  }

  /** Text ids as they are; AD's binary objectGUID as the UUID AD shows (little-endian parts). */
  static String idValue(Attribute attribute) {
    byte[] bytes = attribute.getValueByteArray();
    if (bytes.length == 16 && !attribute.getValue().matches("[0-9A-Fa-f-]{16}"))
      return guid(bytes).toString();
    return attribute.getValue();
  }

  static UUID guid(byte[] bytes) {
    ByteBuffer little = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long high =
        ((long) little.getInt(0) << 32)
            | ((little.getShort(4) & 0xFFFFL) << 16)
            | (little.getShort(6) & 0xFFFFL);
    long low = ByteBuffer.wrap(bytes, 8, 8).order(ByteOrder.BIG_ENDIAN).getLong();
    return new UUID(high, low);
  }
}
