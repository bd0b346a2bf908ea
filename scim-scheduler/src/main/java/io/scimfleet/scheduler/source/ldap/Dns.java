package io.scimfleet.scheduler.source.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.Locale;

/** DNs compared the LDAP way: normalized (case, spaces, escapes), whatever the server wrote. */
public final class Dns {
  private Dns() {}

  public static String normalize(String dn) {
    try {
      return new DN(dn).toNormalizedString();
    } catch (LDAPException e) {
      return dn.strip().toLowerCase(Locale.ROOT);
    }
  }
}
