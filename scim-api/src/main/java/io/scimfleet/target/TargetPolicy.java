package io.scimfleet.target;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the fleet may send requests. Link-local and cloud metadata addresses are refused ({@link
 * #ALWAYS_REFUSED}); private and loopback addresses are allowed, since many SCIM servers are
 * internal. {@code SCIM_TARGET_DENY} adds ranges to refuse and {@code SCIM_TARGET_ALLOW} ranges to
 * allow; when several ranges hold an address, the longest prefix decides, and a deny wins a tie.
 * {@code SCIM_ALLOW_INSECURE_TLS=true} lets a provider turn certificate checks off.
 */
public final class TargetPolicy {
  public static final List<Cidr> ALWAYS_REFUSED =
      List.of(
          Cidr.parse("169.254.0.0/16"),
          Cidr.parse("fe80::/10"),
          Cidr.parse("fd00:ec2::254/128"),
          Cidr.parse("100.100.100.200/32"));

  private final List<Cidr> allow;
  private final List<Cidr> deny;
  private final boolean insecureTlsAllowed;

  public TargetPolicy(List<Cidr> allow, List<Cidr> deny, boolean insecureTlsAllowed) {
    this.allow = List.copyOf(allow);
    List<Cidr> denied = new ArrayList<>(ALWAYS_REFUSED);
    denied.addAll(deny);
    this.deny = List.copyOf(denied);
    this.insecureTlsAllowed = insecureTlsAllowed;
  }

  /** Only the built-in refusals; insecure TLS not allowed. */
  public static TargetPolicy defaults() {
    return new TargetPolicy(List.of(), List.of(), false);
  }

  public static TargetPolicy fromEnv(Map<String, String> env) {
    return new TargetPolicy(
        ranges(env, "SCIM_TARGET_ALLOW"),
        ranges(env, "SCIM_TARGET_DENY"),
        "true".equalsIgnoreCase(String.valueOf(env.get("SCIM_ALLOW_INSECURE_TLS")).strip()));
  }

  public boolean insecureTlsAllowed() {
    return insecureTlsAllowed;
  }

  public boolean allows(InetAddress address) {
    int allowed = longestMatch(allow, address);
    int denied = longestMatch(deny, address);
    return denied < 0 || allowed > denied;
  }

  /**
   * Refuses a base URL that is not plain http(s) with a host, that carries user info, a query or a
   * fragment, or whose host resolves (here, now) to a refused address.
   */
  public void requireAllowedUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if ((!scheme.equals("http") && !scheme.equals("https")) || url.getHost() == null) {
      throw refused(url, "must be an http:// or https:// URL with a host");
    }
    if (url.getRawUserInfo() != null)
      throw refused(
          url, "must not carry user info (user:password@): give the token as a credential");
    if (url.getRawQuery() != null) throw refused(url, "must not have a query string (?...)");
    if (url.getRawFragment() != null) throw refused(url, "must not have a fragment (#...)");
    if (url.getHost().startsWith("[")) requireAllowedLiteral(url);
    requireAllowedHost(url.getHost());
  }

  /**
   * An IPv6 literal, zone id dropped, must parse: one that does not is not left for DNS to judge.
   */
  private void requireAllowedLiteral(URI url) {
    String host = url.getHost().substring(1, url.getHost().length() - 1);
    int zone = host.indexOf('%');
    String address = zone < 0 ? host : host.substring(0, zone);
    InetAddress parsed;
    try {
      parsed = InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw refused(url, "has a host that is not a valid IPv6 address");
    }
    if (!allows(parsed)) throw new IllegalArgumentException(refusal(url.getHost(), parsed));
  }

  /**
   * Resolves the host and refuses it when any address is refused. A host that does not resolve here
   * passes: the worker checks again when it connects.
   */
  public void requireAllowedHost(String host) {
    if (host.indexOf('%') >= 0) return; // an IPv6 zone: the literal was checked without it
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return;
    }
    for (InetAddress address : addresses) {
      if (!allows(address)) throw new IllegalArgumentException(refusal(host, address));
    }
  }

  /** The addresses the policy allows; throws when there are none. */
  public InetAddress[] filter(String host, InetAddress[] resolved) throws RefusedAddressException {
    InetAddress[] allowed =
        Arrays.stream(resolved).filter(this::allows).toArray(InetAddress[]::new);
    if (allowed.length == 0 && resolved.length > 0)
      throw new RefusedAddressException(refusal(host, resolved[0]));
    return allowed;
  }

  static String refusal(String host, InetAddress address) {
    return "target "
        + host
        + " ("
        + address.getHostAddress()
        + ") is refused: link-local and cloud metadata "
        + "addresses are never targets unless SCIM_TARGET_ALLOW names them, and SCIM_TARGET_DENY may refuse more";
  }

  private static int longestMatch(List<Cidr> ranges, InetAddress address) {
    int longest = -1;
    for (Cidr range : ranges)
      if (range.contains(address)) longest = Math.max(longest, range.prefixLength());
    return longest;
  }

  private static IllegalArgumentException refused(URI url, String rule) {
    String shown =
        url.getRawUserInfo() == null
            ? url.toString()
            : url.toString().replace(url.getRawUserInfo() + "@", "***@");
    return new IllegalArgumentException("baseUrl '" + shown + "' " + rule);
  }

  private static List<Cidr> ranges(Map<String, String> env, String variable) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) return List.of();
    List<Cidr> ranges = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      if (part.isBlank()) continue;
      try {
        ranges.add(Cidr.parse(part));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(variable + ": " + e.getMessage());
      }
    }
    return ranges;
  }

  @Override
  public String toString() {
    return "TargetPolicy[allow="
        + allow
        + ", deny="
        + deny
        + ", insecureTls="
        + insecureTlsAllowed
        + "]";
  }
}
