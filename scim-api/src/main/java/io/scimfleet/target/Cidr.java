package io.scimfleet.target;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address range, {@code 169.254.0.0/16} or {@code fe80::/10}; a bare address is one address. An
 * IPv4-mapped range ({@code ::ffff:10.0.0.0/104}) is the IPv4 range ({@code 10.0.0.0/8}), and an
 * IPv4-mapped or IPv4-compatible address is judged as its IPv4 address ({@link EmbeddedIpv4}).
 */
// equals and hashCode go by the text, and nothing writes to the array after parse
@SuppressWarnings("ArrayRecordComponent")
public record Cidr(byte[] network, int prefixLength, String text) {

  public static Cidr parse(String text) {
    String value = text.strip();
    int slash = value.indexOf('/');
    String address = slash < 0 ? value : value.substring(0, slash);
    if (!address.matches("[0-9A-Fa-f:.]+")) throw invalid(text);
    byte[] network;
    try {
      network = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw invalid(text);
    }
    // the JDK reads ::ffff:a.b.c.d as the IPv4 address: its prefix counts 96 bits more
    int mappedBits = network.length == 4 && address.indexOf(':') >= 0 ? 96 : 0;
    int bits = network.length * 8 + mappedBits;
    int length;
    try {
      length = slash < 0 ? bits : Integer.parseInt(value.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw invalid(text);
    }
    if (length < mappedBits || length > bits) throw invalid(text);
    return new Cidr(network, length - mappedBits, value);
  }

  public boolean contains(InetAddress address) {
    byte[] bytes = EmbeddedIpv4.canonical(address).getAddress();
    if (bytes.length != network.length) return false;
    int whole = prefixLength / 8;
    for (int i = 0; i < whole; i++) if (bytes[i] != network[i]) return false;
    int rest = prefixLength % 8;
    if (rest == 0) return true;
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (bytes[whole] & mask) == (network[whole] & mask);
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "'" + text + "' is not an address range: write e.g. 10.0.0.0/8 or fd00::/8");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr cidr && cidr.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
