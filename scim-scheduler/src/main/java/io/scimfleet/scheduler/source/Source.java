package io.scimfleet.scheduler.source;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A directory the fleet reads itself ({@code type: ldap}), as stored: validated by {@link
 * SourceConversion}. The bind password comes from exactly one of {@code bindPassword} (sealed for
 * this source), {@code bindPasswordFile} (inside {@code SCIM_SECRETS_DIR}) or {@code
 * bindPasswordEnv} (a {@code SCIM_SOURCE_} variable), or none for an anonymous bind. {@link
 * #toString()} never shows the password.
 *
 * @param urls {@code ldap://} or {@code ldaps://} URLs, tried in order (fail-over)
 * @param attributes directory user field (user name, name, email, given and family name) to the
 *     LDAP attribute read for it; absent fields take the defaults of {@link
 *     io.scimfleet.scheduler.source.ldap.EntryShape}
 * @param extraAttributes LDAP attributes copied into the user's {@code attributes}; {@code manager}
 *     (a DN) becomes the manager's directory id
 * @param memberAttribute {@code member}, {@code uniqueMember} or {@code memberUid}; null reads
 *     {@code member} and {@code uniqueMember}
 * @param pageSize entries per page of a paged search (RFC 2696); 0 asks for no paging
 * @param fullReadMinutes minutes between two full reads
 * @param maxDeletePercent a read that would delete more than this share of the source's objects
 *     holds those deletions
 */
public record Source(
    String name,
    boolean enabled,
    List<String> urls,
    boolean startTls,
    @Nullable String caBundleFile,
    @Nullable String bindDn,
    @Nullable String bindPassword,
    @Nullable String bindPasswordFile,
    @Nullable String bindPasswordEnv,
    String baseDn,
    @Nullable String userBase,
    @Nullable String groupBase,
    String userFilter,
    String groupFilter,
    @Nullable String idAttribute,
    Map<String, String> attributes,
    List<String> extraAttributes,
    @Nullable String memberAttribute,
    int pageSize,
    int pollSeconds,
    ChangeDetection changeDetection,
    int fullReadMinutes,
    int maxDeletePercent,
    int timeoutSeconds) {
  public static final String TYPE = "ldap";
  public static final String DEFAULT_USER_FILTER =
      "(|(objectClass=inetOrgPerson)(objectClass=user))";
  public static final String DEFAULT_GROUP_FILTER =
      "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)(objectClass=group))";

  public Source {
    Objects.requireNonNull(name, "name");
    urls = List.copyOf(urls);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    extraAttributes = extraAttributes == null ? List.of() : List.copyOf(extraAttributes);
  }

  /** Where users are searched: {@code userBase}, else {@code baseDn}. */
  public String usersUnder() {
    return userBase != null ? userBase : baseDn;
  }

  /** Where groups are searched: {@code groupBase}, else {@code baseDn}. */
  public String groupsUnder() {
    return groupBase != null ? groupBase : baseDn;
  }

  /** Where the bind password comes from, never the password: inline, file:…, env:… or none. */
  public String passwordSource() {
    if (bindPassword != null) return "inline";
    if (bindPasswordFile != null) return "file:" + bindPasswordFile;
    return bindPasswordEnv != null ? "env:" + bindPasswordEnv : "none";
  }

  /** The same source with this (sealed) inline password. */
  public Source withBindPassword(String sealed) {
    return new Source(
        name,
        enabled,
        urls,
        startTls,
        caBundleFile,
        bindDn,
        sealed,
        null,
        null,
        baseDn,
        userBase,
        groupBase,
        userFilter,
        groupFilter,
        idAttribute,
        attributes,
        extraAttributes,
        memberAttribute,
        pageSize,
        pollSeconds,
        changeDetection,
        fullReadMinutes,
        maxDeletePercent,
        timeoutSeconds);
  }

  @Override
  public String toString() {
    return "Source["
        + name
        + " "
        + urls
        + " bindDn="
        + bindDn
        + " password="
        + passwordSource()
        + "]";
  }
}
