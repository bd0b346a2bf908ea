package io.scimfleet.scim.internal;

import io.scimfleet.target.TargetPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves as the system does, then drops the addresses the {@link TargetPolicy} refuses, at every
 * connection: a name that resolved to a public address when the provider was saved cannot later
 * lead a worker to a metadata address. Address literals pass through here too.
 */
final class PolicyDnsResolver implements DnsResolver {
  private final TargetPolicy policy;
  private final DnsResolver system;

  PolicyDnsResolver(TargetPolicy policy, DnsResolver system) {
    this.policy = policy;
    this.system = system;
  }

  PolicyDnsResolver(TargetPolicy policy) {
    this(policy, SystemDefaultDnsResolver.INSTANCE);
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    return policy.filter(host, system.resolve(host));
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return system.resolveCanonicalHostname(host);
  }
}
