package io.scimfleet.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetPolicyTest {
  private final TargetPolicy defaults = TargetPolicy.defaults();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ftp://scim.example.com/v2                        | http:// or https://",
        "https://user:pw@scim.example.com/v2              | user info",
        "https://scim.example.com/v2?x=https://evil       | query string",
        "https://scim.example.com/v2#frag                 | fragment",
        "http://169.254.169.254/latest/meta-data          | 169.254.169.254",
        "http://2852039166/latest                         | 169.254.169.254",
        "http://[fe80::1]/scim                            | refused",
        "http://[fd00:ec2::254]/                          | refused",
        "http://100.100.100.200/                          | refused",
      })
  void aBaseUrlBreakingARuleIsRefusedNamingTheRule(String url, String rule) {
    assertThatThrownBy(() -> defaults.requireAllowedUrl(URI.create(url)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(rule);
  }

  @Test
  void userInfoIsNotEchoed() {
    assertThatThrownBy(
            () ->
                defaults.requireAllowedUrl(URI.create("https://user:hunter2@scim.example.com/v2")))
        .message()
        .doesNotContain("hunter2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://api.slack.com/scim/v2",
        "http://127.0.0.1:8080/scim",
        "http://10.1.2.3/scim",
        "http://192.168.1.10/scim",
        "http://[::1]:9000/scim"
      })
  void publicPrivateAndLoopbackTargetsAreAllowedByDefault(String url) {
    assertThatCode(() -> defaults.requireAllowedUrl(URI.create(url))).doesNotThrowAnyException();
  }

  @Test
  void theOperatorNarrowsWithDenyAndWidensWithAllowTheLongestPrefixDeciding()
      throws UnknownHostException {
    TargetPolicy policy =
        TargetPolicy.fromEnv(
            Map.of(
                "SCIM_TARGET_DENY",
                "127.0.0.0/8, 10.0.0.0/8",
                "SCIM_TARGET_ALLOW",
                "169.254.10.0/24,10.1.0.0/16"));

    assertThat(policy.allows(InetAddress.getByName("127.0.0.1"))).isFalse();
    assertThat(policy.allows(InetAddress.getByName("10.2.0.1"))).isFalse();
    assertThat(policy.allows(InetAddress.getByName("10.1.0.1"))).isTrue();
    assertThat(policy.allows(InetAddress.getByName("169.254.10.5"))).isTrue();
    assertThat(policy.allows(InetAddress.getByName("169.254.169.254"))).isFalse();
  }

  @Test
  void resolvedAddressesAreFilteredAndAllRefusedIsAnError() throws UnknownHostException {
    InetAddress metadata = InetAddress.getByName("169.254.169.254");
    InetAddress internal = InetAddress.getByName("10.0.0.5");

    assertThat(defaults.filter("mixed.example", new InetAddress[] {metadata, internal}))
        .containsExactly(internal);
    assertThatThrownBy(() -> defaults.filter("rebound.example", new InetAddress[] {metadata}))
        .isInstanceOf(RefusedAddressException.class)
        .hasMessageContaining("rebound.example");
  }

  @Test
  void badRangesAreNamed() {
    assertThatThrownBy(() -> TargetPolicy.fromEnv(Map.of("SCIM_TARGET_DENY", "10.0.0.0/33")))
        .hasMessageContaining("SCIM_TARGET_DENY")
        .hasMessageContaining("10.0.0.0/33");
    assertThatThrownBy(() -> new TargetPolicy(List.of(Cidr.parse("example.com")), List.of(), false))
        .hasMessageContaining("not an address range");
  }

  @Test
  void insecureTlsIsAllowedOnlyWhenTheOperatorSaysSo() {
    assertThat(defaults.insecureTlsAllowed()).isFalse();
    assertThat(TargetPolicy.fromEnv(Map.of("SCIM_ALLOW_INSECURE_TLS", "true")).insecureTlsAllowed())
        .isTrue();
  }
}
