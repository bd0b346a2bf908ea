package io.scimfleet.target;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The IPv4 address an IPv6 address stands for. A socket given {@code ::ffff:169.254.169.254}
 * (IPv4-mapped) or {@code ::169.254.169.254} (IPv4-compatible) talks IPv4 to that address, so those
 * are judged as the IPv4 address itself ({@link #canonical}). A NAT64 ({@code 64:ff9b::/96}, {@code
 * 64:ff9b:1::/48}) or 6to4 ({@code 2002::/16}) address reaches the IPv4 address it embeds through a
 * translator, so that address is judged too ({@link #carried}).
 */
final class EmbeddedIpv4 {
  private static final byte[] NAT64 = {0, 0x64, (byte) 0xff, (byte) 0x9b};
  private static final byte[] NAT64_LOCAL = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 1};
  private static final byte[] SIX_TO_FOUR = {0x20, 0x02};

  /**
   * Where RFC 6052 puts the IPv4 bytes for each prefix length of the local-use prefix: /48, /56,
   * /64 and /96 (byte 8 is always skipped).
   */
  private static final int[][] RFC_6052_POSITIONS = {
    {6, 7, 9, 10}, {7, 9, 10, 11}, {9, 10, 11, 12}, {12, 13, 14, 15}
  };

  private EmbeddedIpv4() {}

  /**
   * The IPv4 address of an IPv4-mapped ({@code ::ffff:0:0/96}) or IPv4-compatible ({@code ::/96}
   * but {@code ::} and {@code ::1}) address; any other address as it is.
   */
  static InetAddress canonical(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != 16 || !zero(bytes, 0, 10)) return address;
    boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    boolean unspecifiedOrLoopback = zero(bytes, 10, 15) && (bytes[15] == 0 || bytes[15] == 1);
    boolean compatible = zero(bytes, 10, 12) && !unspecifiedOrLoopback;
    return mapped || compatible ? ipv4(bytes, 12, 13, 14, 15) : address;
  }

  /**
   * The IPv4 addresses a NAT64 or 6to4 address may lead to: one for {@code 64:ff9b::/96} and 6to4;
   * one per RFC 6052 prefix length for the local-use {@code 64:ff9b:1::/48}, whose length the
   * address does not tell. Positions holding {@code 0.0.0.0/8} are left out: a translator does not
   * forward there, and they are the zero bytes of another length.
   */
  static List<InetAddress> carried(InetAddress address) {
    if (!(address instanceof Inet6Address)) return List.of();
    byte[] bytes = address.getAddress();
    List<InetAddress> carried = new ArrayList<>();
    if (startsWith(bytes, NAT64_LOCAL)) {
      for (int[] at : RFC_6052_POSITIONS) carried.add(ipv4(bytes, at));
    } else if (startsWith(bytes, NAT64) && zero(bytes, 4, 12)) {
      carried.add(ipv4(bytes, 12, 13, 14, 15));
    } else if (startsWith(bytes, SIX_TO_FOUR)) {
      carried.add(ipv4(bytes, 2, 3, 4, 5));
    }
    carried.removeIf(ipv4 -> ipv4.getAddress()[0] == 0);
    return carried;
  }

  private static InetAddress ipv4(byte[] bytes, int... at) {
    byte[] ipv4 = {bytes[at[0]], bytes[at[1]], bytes[at[2]], bytes[at[3]]};
    try {
      return InetAddress.getByAddress(ipv4);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static boolean zero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) if (bytes[i] != 0) return false;
    return true;
  }
}
