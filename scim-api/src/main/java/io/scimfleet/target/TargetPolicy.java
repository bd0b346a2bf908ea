package io.scimfleet.target;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the fleet may send requests. Link-local, cloud metadata and unspecified addresses are
 * refused ({@link #ALWAYS_REFUSED}); private and loopback addresses are allowed, since many SCIM
 * servers are internal. An IPv6 address that stands for an IPv4 one (mapped, compatible, NAT64,
 * 6to4: {@link EmbeddedIpv4}) is judged as that IPv4 address too. {@code SCIM_TARGET_DENY} adds
 * ranges to refuse and {@code SCIM_TARGET_ALLOW} ranges to allow; when several ranges hold an
 * address, the longest prefix decides, and a deny wins a tie. {@code SCIM_ALLOW_INSECURE_TLS=true}
 * lets a provider turn certificate checks off. Plain {@code http://} reaches only loopback hosts
 * ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}), so that no token crosses a network in
 * clear, unless {@code SCIM_ALLOW_HTTP_TARGETS=true}.
 */
public final class TargetPolicy {
  private static final String PLAIN_HTTP =
      "is plain http:// to a host that is not loopback, so the token would cross the network in "
          + "clear: use https://, or let the operator set SCIM_ALLOW_HTTP_TARGETS=true on the "
          + "scheduler and the workers to allow plain http to any host";

  public static final List<Cidr> ALWAYS_REFUSED =
      List.of(
          Cidr.parse("0.0.0.0/8"),
          Cidr.parse("::/128"),
          Cidr.parse("169.254.0.0/16"),
          Cidr.parse("fe80::/10"),
          Cidr.parse("fd00:ec2::/32"),
          Cidr.parse("fd20:ce::254/128"),
          Cidr.parse("100.100.100.200/32"));

  private final List<Cidr> allow;
  private final List<Cidr> deny;
  private final boolean insecureTlsAllowed;
  private final boolean httpTargetsAllowed;
  private final HostResolver resolver;

  /** Plain http only to loopback hosts. */
  public TargetPolicy(List<Cidr> allow, List<Cidr> deny, boolean insecureTlsAllowed) {
    this(allow, deny, insecureTlsAllowed, false);
  }

  public TargetPolicy(
      List<Cidr> allow, List<Cidr> deny, boolean insecureTlsAllowed, boolean httpTargetsAllowed) {
    this(
        allow,
        withBuiltIns(deny),
        insecureTlsAllowed,
        httpTargetsAllowed,
        InetAddress::getAllByName);
  }

  private TargetPolicy(
      List<Cidr> allow,
      List<Cidr> deny,
      boolean insecureTlsAllowed,
      boolean httpTargetsAllowed,
      HostResolver resolver) {
    this.allow = List.copyOf(allow);
    this.deny = List.copyOf(deny);
    this.insecureTlsAllowed = insecureTlsAllowed;
    this.httpTargetsAllowed = httpTargetsAllowed;
    this.resolver = resolver;
  }

  /** Resolves a host name when a URL is checked; the system's resolver unless a test sets one. */
  @FunctionalInterface
  public interface HostResolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** The same rules, with host names resolved by {@code resolver} when a URL is checked. */
  public TargetPolicy withResolver(HostResolver resolver) {
    return new TargetPolicy(allow, deny, insecureTlsAllowed, httpTargetsAllowed, resolver);
  }

  private static List<Cidr> withBuiltIns(List<Cidr> deny) {
    List<Cidr> denied = new ArrayList<>(ALWAYS_REFUSED);
    denied.addAll(deny);
    return denied;
  }

  /** Only the built-in refusals; insecure TLS not allowed; plain http only to loopback. */
  public static TargetPolicy defaults() {
    return new TargetPolicy(List.of(), List.of(), false);
  }

  public static TargetPolicy fromEnv(Map<String, String> env) {
    return new TargetPolicy(
        ranges(env, "SCIM_TARGET_ALLOW"),
        ranges(env, "SCIM_TARGET_DENY"),
        isTrue(env, "SCIM_ALLOW_INSECURE_TLS"),
        isTrue(env, "SCIM_ALLOW_HTTP_TARGETS"));
  }

  private static boolean isTrue(Map<String, String> env, String variable) {
    return "true".equalsIgnoreCase(String.valueOf(env.get(variable)).strip());
  }

  public boolean insecureTlsAllowed() {
    return insecureTlsAllowed;
  }

  public boolean allows(InetAddress address) {
    return refusedPart(address) == null;
  }

  /**
   * The address itself, or the IPv4 address it stands for, that the rules refuse; null when none.
   */
  private @Nullable InetAddress refusedPart(InetAddress address) {
    InetAddress canonical = EmbeddedIpv4.canonical(address);
    if (!allowsOne(canonical)) return canonical;
    for (InetAddress carried : EmbeddedIpv4.carried(canonical))
      if (!allowsOne(carried)) return carried;
    return null;
  }

  private boolean allowsOne(InetAddress address) {
    int allowed = longestMatch(allow, address);
    int denied = longestMatch(deny, address);
    return denied < 0 || allowed > denied;
  }

  /** {@link #requireAllowedUrl(String, URI)} for a provider's {@code baseUrl}. */
  public void requireAllowedUrl(URI url) {
    requireAllowedUrl("baseUrl", url);
  }

  /**
   * Refuses a URL (named {@code field} in the message) that is not http(s) with a host, that is
   * plain http to a host other than loopback without {@code SCIM_ALLOW_HTTP_TARGETS}, that carries
   * user info, a query or a fragment, or whose host resolves (here, now) to a refused address.
   */
  public void requireAllowedUrl(String field, URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if ((!scheme.equals("http") && !scheme.equals("https")) || url.getHost() == null) {
      throw refused(field, url, "must be an http:// or https:// URL with a host");
    }
    if (url.getRawUserInfo() != null)
      throw refused(
          field, url, "must not carry user info (user:password@): give the token as a credential");
    if (url.getRawQuery() != null) throw refused(field, url, "must not have a query string (?...)");
    if (url.getRawFragment() != null) throw refused(field, url, "must not have a fragment (#...)");
    if (url.getHost().startsWith("[")) requireAllowedLiteral(field, url);
    requireAllowedHost(url.getHost());
    if (scheme.equals("http") && !httpTargetsAllowed && !isLoopback(url.getHost()))
      throw refused(field, url, PLAIN_HTTP);
  }

  /**
   * {@code localhost}, or an address literal in {@code 127.0.0.0/8} or {@code ::1} (also in its
   * IPv4-mapped form); a name is never resolved to decide, since DNS could answer otherwise later.
   */
  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) return true;
    boolean ipv6 = host.startsWith("[") && host.endsWith("]") && host.indexOf('%') < 0;
    if (!ipv6 && !host.matches("[0-9.]+")) return false;
    try {
      String literal = ipv6 ? host.substring(1, host.length() - 1) : host;
      return EmbeddedIpv4.canonical(InetAddress.getByName(literal)).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * An IPv6 literal, zone id dropped, must parse: one that does not is not left for DNS to judge.
   */
  private void requireAllowedLiteral(String field, URI url) {
    String host = url.getHost().substring(1, url.getHost().length() - 1);
    int zone = host.indexOf('%');
    String address = zone < 0 ? host : host.substring(0, zone);
    InetAddress parsed;
    try {
      parsed = InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw refused(field, url, "has a host that is not a valid IPv6 address");
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
      addresses = resolver.resolve(host);
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

  private String refusal(String host, InetAddress address) {
    InetAddress refused = refusedPart(address);
    String shown =
        refused == null || refused.equals(address)
            ? address.getHostAddress()
            : address.getHostAddress() + ", which reaches " + refused.getHostAddress();
    return "target "
        + host
        + " ("
        + shown
        + ") is refused: link-local, cloud metadata and unspecified addresses are never targets "
        + "unless SCIM_TARGET_ALLOW names them, and SCIM_TARGET_DENY may refuse more";
  }

  private static int longestMatch(List<Cidr> ranges, InetAddress address) {
    int longest = -1;
    for (Cidr range : ranges)
      if (range.contains(address)) longest = Math.max(longest, range.prefixLength());
    return longest;
  }

  private static IllegalArgumentException refused(String field, URI url, String rule) {
    String shown =
        url.getRawUserInfo() == null
            ? url.toString()
            : url.toString().replace(url.getRawUserInfo() + "@", "***@");
    return new IllegalArgumentException(field + " '" + shown + "' " + rule);
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
        + ", httpTargets="
        + httpTargetsAllowed
        + "]";
  }
}
