package io.scimfleet.scim.internal;

import static io.scimfleet.testing.DnsAnswers.aaaa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.target.RefusedAddressException;
import io.scimfleet.target.TargetPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The per-connection check, with a stub DNS answering what an attacker's name server would. */
class PolicyDnsResolverTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "::ffff:169.254.169.254",
        "::169.254.169.254",
        "64:ff9b::a9fe:a9fe",
        "2002:a9fe:a9fe::1",
        "fd00:ec2::254",
        "::"
      })
  void aNameAnsweredWithAnAddressThatReachesMetadataIsRefusedWhenConnecting(String answer) {
    PolicyDnsResolver resolver =
        new PolicyDnsResolver(TargetPolicy.defaults(), answering(aaaa(answer)));

    assertThatThrownBy(() -> resolver.resolve("rebound.attacker.example"))
        .isInstanceOf(RefusedAddressException.class)
        .hasMessageContaining("rebound.attacker.example")
        .hasMessageContaining("is refused");
  }

  @Test
  void onlyTheAllowedAddressesOfAMixedAnswerAreUsed() throws UnknownHostException {
    InetAddress publicAddress = aaaa("2606:4700:4700::1111");
    PolicyDnsResolver resolver =
        new PolicyDnsResolver(
            TargetPolicy.defaults(), answering(aaaa("::ffff:169.254.169.254"), publicAddress));

    assertThat(resolver.resolve("mixed.example")).containsExactly(publicAddress);
  }

  private static DnsResolver answering(InetAddress... answer) {
    return new DnsResolver() {
      @Override
      public InetAddress[] resolve(String host) {
        return answer.clone();
      }

      @Override
      public String resolveCanonicalHostname(String host) {
        return host;
      }
    };
  }
}
