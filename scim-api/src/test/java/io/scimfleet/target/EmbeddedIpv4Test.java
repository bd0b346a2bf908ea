package io.scimfleet.target;

import static io.scimfleet.testing.DnsAnswers.aaaa;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which IPv4 address an IPv6 address stands for: a table. */
class EmbeddedIpv4Test {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "::ffff:169.254.169.254, 169.254.169.254",
    "::ffff:a9fe:a9fe,       169.254.169.254",
    "::169.254.169.254,      169.254.169.254",
    "::ffff:127.0.0.1,       127.0.0.1",
    "::1,                    ::1",
    "::,                     ::",
    "2001:db8::1,            2001:db8::1",
  })
  void mappedAndCompatibleAddressesAreTheirIpv4Address(String ipv6, String judged)
      throws UnknownHostException {
    assertThat(EmbeddedIpv4.canonical(aaaa(ipv6))).isEqualTo(InetAddress.getByName(judged));
  }

  @ParameterizedTest(name = "{0} carries {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "64:ff9b::a9fe:a9fe          | 169.254.169.254",
        "64:ff9b::7f00:1             | 127.0.0.1",
        "2002:a9fe:a9fe::1           | 169.254.169.254",
        "64:ff9b:1::a9fe:a9fe        | 169.254.169.254",
        "64:ff9b:1:a9fe:a9:fe00::    | 169.254.169.254",
        "2001:db8::a9fe:a9fe         | ",
      })
  void nat64And6to4AddressesCarryTheirIpv4Address(String ipv6, String carried)
      throws UnknownHostException {
    if (carried == null) assertThat(EmbeddedIpv4.carried(aaaa(ipv6))).isEmpty();
    else assertThat(EmbeddedIpv4.carried(aaaa(ipv6))).contains(InetAddress.getByName(carried));
  }
}
