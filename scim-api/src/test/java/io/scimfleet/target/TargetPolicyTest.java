package io.scimfleet.target;

import static io.scimfleet.testing.DnsAnswers.aaaa;
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
        "http://127.5.6.7/scim",
        "http://localhost:8080/scim",
        "http://[::1]:9000/scim",
        "http://[::ffff:127.0.0.1]:9000/scim",
        "https://10.1.2.3/scim",
        "https://192.168.1.10/scim"
      })
  void publicPrivateAndLoopbackTargetsAreAllowedByDefault(String url) {
    assertThatCode(() -> defaults.requireAllowedUrl(URI.create(url))).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://10.1.2.3/scim",
        "http://192.168.1.10/scim",
        "http://scim.example.com/v2",
        "http://localhost.attacker.example/v2",
        "http://[fd12::1]/scim"
      })
  void plainHttpToAHostOtherThanLoopbackIsRefusedSayingHowToOptIn(String url) {
    TargetPolicy anyAddress =
        defaults.withResolver(host -> new InetAddress[] {InetAddress.getByName("10.9.9.9")});

    assertThatThrownBy(() -> anyAddress.requireAllowedUrl(URI.create(url)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("baseUrl '" + url + "' is plain http://")
        .hasMessageContaining("in clear")
        .hasMessageContaining("SCIM_ALLOW_HTTP_TARGETS=true");
    assertThatCode(
            () ->
                TargetPolicy.fromEnv(Map.of("SCIM_ALLOW_HTTP_TARGETS", "true"))
                    .withResolver(host -> new InetAddress[] {InetAddress.getByName("10.9.9.9")})
                    .requireAllowedUrl(URI.create(url)))
        .doesNotThrowAnyException();
  }

  @Test
  void aTokenUrlIsNamedInItsRefusal() {
    assertThatThrownBy(
            () ->
                defaults.requireAllowedUrl(
                    "auth.tokenUrl", URI.create("http://10.1.2.3/oauth2/token")))
        .hasMessageStartingWith("auth.tokenUrl 'http://10.1.2.3/oauth2/token' is plain http://");
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

    assertThat(policy.allows(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))).isFalse();
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

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "::ffff:169.254.169.254",
        "::169.254.169.254",
        "::ffff:100.100.100.200",
        "64:ff9b::a9fe:a9fe",
        "64:ff9b:1::a9fe:a9fe",
        "64:ff9b:1:a9fe:a9:fe00::",
        "2002:a9fe:a9fe::1",
        "::ffff:0.0.0.0",
        "::",
        "fd00:ec2::254",
        "fd00:ec2::253",
        "fd20:ce::254",
      })
  void anAaaaAnswerStandingForARefusedAddressIsRefused(String answer) {
    assertThat(defaults.allows(aaaa(answer))).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0.0.0.0", "0.1.2.3"})
  void theUnspecifiedIpv4RangeIsRefused(String address) throws UnknownHostException {
    assertThat(defaults.allows(InetAddress.getByName(address))).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "::ffff:8.8.8.8",
        "64:ff9b::808:808",
        "64:ff9b:1::808:808",
        "2002:808:808::1",
        "2606:4700:4700::1111",
        "::1"
      })
  void anAaaaAnswerStandingForAnAllowedAddressIsAllowed(String answer) {
    assertThat(defaults.allows(aaaa(answer))).isTrue();
  }

  @Test
  void theOperatorsDenyRangesHoldMappedAndTranslatedForms() {
    TargetPolicy policy = TargetPolicy.fromEnv(Map.of("SCIM_TARGET_DENY", "127.0.0.0/8,::1"));

    assertThat(policy.allows(aaaa("::ffff:127.0.0.1"))).isFalse();
    assertThat(policy.allows(aaaa("::127.0.0.2"))).isFalse();
    assertThat(policy.allows(aaaa("64:ff9b::7f00:1"))).isFalse();
    assertThat(policy.allows(aaaa("::1"))).isFalse();
  }

  @Test
  void aMappedRangeIsTheIpv4Range() throws UnknownHostException {
    Cidr mapped = Cidr.parse("::ffff:10.0.0.0/104");

    assertThat(mapped.contains(InetAddress.getByName("10.1.2.3"))).isTrue();
    assertThat(mapped.contains(aaaa("::ffff:10.1.2.3"))).isTrue();
    assertThat(mapped.contains(InetAddress.getByName("11.0.0.1"))).isFalse();
    assertThat(Cidr.parse("169.254.0.0/16").contains(aaaa("::ffff:169.254.169.254"))).isTrue();
  }

  @Test
  void aHostWhoseDnsAnswerIsAMappedMetadataAddressIsRefusedOnSave() {
    TargetPolicy policy =
        defaults.withResolver(host -> new InetAddress[] {aaaa("::ffff:169.254.169.254")});

    assertThatThrownBy(
            () -> policy.requireAllowedUrl(URI.create("https://metadata.attacker.example/scim")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metadata.attacker.example")
        .hasMessageContaining("which reaches 169.254.169.254")
        .hasMessageContaining("is refused");
  }

  @Test
  void aMappedOrCompatibleMetadataLiteralIsRefusedOnSave() {
    for (String url :
        List.of(
            "http://[::ffff:169.254.169.254]/",
            "http://[::169.254.169.254]/",
            "http://[64:ff9b::a9fe:a9fe]/",
            "http://0.0.0.0:8080/",
            "http://[::]:8080/"))
      assertThatThrownBy(() -> defaults.requireAllowedUrl(URI.create(url)))
          .as(url)
          .hasMessageContaining("is refused");
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
