package io.scimfleet.scheduler.source;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import io.scimfleet.scheduler.source.ldap.EntryShape;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@link SourceRequest} → {@link Source}, the one validation path of the API and the YAML file. A
 * failed check throws {@link IllegalArgumentException} (or a {@link
 * io.scimfleet.secret.SecretException}) saying what to fix; an inline password comes out sealed.
 */
public final class SourceConversion {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
  private static final Set<String> MEMBER_ATTRIBUTES =
      Set.of("member", "uniqueMember", "memberUid");

  private SourceConversion() {}

  public static Source toSource(String name, SourceRequest request, SourcePasswords passwords) {
    requireName(name);
    Objects.requireNonNull(request, "request");
    if (request.type() != null && !Source.TYPE.equals(request.type()))
      throw new IllegalArgumentException(
          "type must be 'ldap' (the only source type), not '" + request.type() + "'");
    List<String> urls = urls(request.url(), orFalse(request.startTls()));
    requirePasswordSource(request);
    if (request.caBundleFile() != null)
      passwords.secrets().requireAllowedFile("caBundleFile", request.caBundleFile());
    if (request.bindPasswordFile() != null)
      passwords.requireAllowedFile(request.bindPasswordFile());
    if (request.bindPasswordEnv() != null) passwords.requireAllowedEnv(request.bindPasswordEnv());
    ChangeDetection detection = detection(request.changeDetection());
    Source source =
        new Source(
            name,
            request.enabled() == null || request.enabled(),
            urls,
            orFalse(request.startTls()),
            blankToNull(request.caBundleFile()),
            dn("bindDn", request.bindDn()),
            request.bindPassword(),
            blankToNull(request.bindPasswordFile()),
            blankToNull(request.bindPasswordEnv()),
            requiredDn("baseDn", request.baseDn()),
            dn("userBase", request.userBase()),
            dn("groupBase", request.groupBase()),
            filter("userFilter", request.userFilter(), Source.DEFAULT_USER_FILTER),
            filter("groupFilter", request.groupFilter(), Source.DEFAULT_GROUP_FILTER),
            blankToNull(request.idAttribute()),
            attributes(request.attributes()),
            Objects.requireNonNullElse(request.extraAttributes(), List.of()),
            memberAttribute(request.memberAttribute()),
            range("pageSize", request.pageSize(), 0, 10_000, 500),
            range("pollSeconds", request.pollSeconds(), 1, 86_400, 60),
            detection,
            range("fullReadMinutes", request.fullReadMinutes(), 1, 10_080, 60),
            range("maxDeletePercent", request.maxDeletePercent(), 0, 100, 20),
            range("timeoutSeconds", request.timeoutSeconds(), 1, 600, 30));
    return source.bindPassword() == null
        ? source
        : source.withBindPassword(passwords.seal(name, source.bindPassword()));
  }

  static void requireName(String name) {
    if (name == null || !NAME.matcher(name).matches())
      throw new IllegalArgumentException(
          "source name must be 1-63 letters, digits, '_', '.' or '-', starting with a letter or"
              + " digit, not '"
              + name
              + "'");
  }

  private static List<String> urls(@Nullable List<String> urls, boolean startTls) {
    if (urls == null || urls.isEmpty())
      throw new IllegalArgumentException(
          "url is required: ldap://host:389 or ldaps://host:636 (a list for fail-over)");
    for (String url : urls) {
      LDAPURL parsed;
      try {
        parsed = new LDAPURL(url);
      } catch (LDAPException e) {
        throw new IllegalArgumentException(
            "url '" + url + "' is not an LDAP URL: " + e.getMessage());
      }
      if (!parsed.hostProvided())
        throw new IllegalArgumentException("url '" + url + "' names no host");
      if (startTls && parsed.getScheme().equals("ldaps"))
        throw new IllegalArgumentException(
            "startTls is for ldap:// URLs; '" + url + "' is ldaps:// already");
    }
    return urls;
  }

  private static void requirePasswordSource(SourceRequest request) {
    int set =
        (request.bindPassword() != null ? 1 : 0)
            + (request.bindPasswordFile() != null ? 1 : 0)
            + (request.bindPasswordEnv() != null ? 1 : 0);
    if (set > 1)
      throw new IllegalArgumentException(
          "give exactly one of bindPassword, bindPasswordFile or bindPasswordEnv");
    if (request.bindDn() != null && set == 0)
      throw new IllegalArgumentException(
          "bindDn needs a password: give exactly one of bindPassword, bindPasswordFile (inside"
              + " SCIM_SECRETS_DIR) or bindPasswordEnv ("
              + SourcePasswords.ENV_PREFIX
              + "…)");
    if (request.bindDn() == null && set == 1)
      throw new IllegalArgumentException(
          "a bind password needs a bindDn (without both the source binds anonymously)");
  }

  private static ChangeDetection detection(@Nullable String value) {
    ChangeDetection mode =
        value == null || value.isBlank() ? ChangeDetection.AUTO : ChangeDetection.parse(value);
    if (!mode.implemented())
      throw new IllegalArgumentException(
          "changeDetection '"
              + mode.label()
              + "' is not supported yet: use auto, syncrepl (RFC 4533, OpenLDAP) or"
              + " modifyTimestamp (polling every pollSeconds; works on every server)");
    return mode;
  }

  private static String requiredDn(String field, @Nullable String value) {
    String dn = dn(field, value);
    if (dn == null)
      throw new IllegalArgumentException(field + " is required, e.g. dc=example,dc=org");
    return dn;
  }

  private static @Nullable String dn(String field, @Nullable String value) {
    if (value == null || value.isBlank()) return null;
    if (!DN.isValidDN(value))
      throw new IllegalArgumentException(
          field + " '" + value + "' is not a DN, e.g. ou=people,dc=example,dc=org");
    return value;
  }

  private static String filter(String field, @Nullable String value, String fallback) {
    if (value == null || value.isBlank()) return fallback;
    try {
      Filter.create(value);
      return value;
    } catch (LDAPException e) {
      throw new IllegalArgumentException(
          field + " '" + value + "' is not an LDAP filter: " + e.getMessage());
    }
  }

  private static Map<String, String> attributes(@Nullable Map<String, String> value) {
    if (value == null) return Map.of();
    for (Map.Entry<String, String> entry : value.entrySet()) {
      if (!EntryShape.USER_FIELDS.contains(entry.getKey()))
        throw new IllegalArgumentException(
            "attributes: unknown field '" + entry.getKey() + "'; known: " + EntryShape.USER_FIELDS);
      if (blankToNull(entry.getValue()) == null)
        throw new IllegalArgumentException(
            "attributes." + entry.getKey() + " must name an LDAP attribute");
    }
    return value;
  }

  private static @Nullable String memberAttribute(@Nullable String value) {
    if (value == null || value.isBlank()) return null;
    if (!MEMBER_ATTRIBUTES.contains(value))
      throw new IllegalArgumentException(
          "memberAttribute must be member, uniqueMember or memberUid, not '" + value + "'");
    return value;
  }

  private static int range(String field, @Nullable Integer value, int min, int max, int fallback) {
    if (value == null) return fallback;
    if (value < min || value > max)
      throw new IllegalArgumentException(
          field + " must be from " + min + " to " + max + ", not " + value);
    return value;
  }

  private static boolean orFalse(@Nullable Boolean value) {
    return value != null && value;
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
