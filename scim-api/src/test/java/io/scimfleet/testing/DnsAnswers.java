package io.scimfleet.testing;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Addresses as a DNS answer brings them, for stub resolvers. */
public final class DnsAnswers {
  private DnsAnswers() {}

  /**
   * An AAAA answer: always an {@link Inet6Address}, as the system resolver returns it; {@code
   * InetAddress.getByName("::ffff:a.b.c.d")} would hand back the IPv4 address instead. An IPv4 text
   * becomes its IPv4-mapped address.
   */
  public static InetAddress aaaa(String text) {
    try {
      return Inet6Address.getByAddress(null, sixteenBytes(text), -1);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static byte[] sixteenBytes(String text) throws UnknownHostException {
    byte[] parsed = InetAddress.getByName(text).getAddress();
    if (parsed.length == 16) return parsed;
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    System.arraycopy(parsed, 0, mapped, 12, 4);
    return mapped;
  }
}
