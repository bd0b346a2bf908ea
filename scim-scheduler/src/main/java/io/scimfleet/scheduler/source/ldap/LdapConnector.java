package io.scimfleet.scheduler.source.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import io.scimfleet.scheduler.source.Source;
import java.io.File;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Opens a bound connection to a source: its URLs in order (fail-over), LDAPS or StartTLS verified
 * against the JDK trust store or the source's {@code caBundleFile}, host names checked, every
 * operation bounded by {@code timeoutSeconds}.
 */
public final class LdapConnector {
  private LdapConnector() {}

  /** A connection bound as the source's bindDn (anonymous without one); the caller closes it. */
  public static LDAPConnection open(Source source, @Nullable String password) {
    List<String> failures = new ArrayList<>();
    for (String url : source.urls()) {
      try {
        LDAPConnection connection = connect(source, new LDAPURL(url));
        try {
          bind(connection, source, password);
          return connection;
        } catch (LDAPException | RuntimeException e) {
          connection.close();
          throw e;
        }
      } catch (LDAPException e) {
        if (e.getResultCode().equals(ResultCode.INVALID_CREDENTIALS))
          throw new SourceReadException(
              "bind as " + source.bindDn() + " failed at " + url + ": invalid credentials", e);
        failures.add(url + ": " + e.getExceptionMessage());
      }
    }
    throw new SourceReadException("no LDAP server answered: " + String.join("; ", failures), null);
  }

  private static LDAPConnection connect(Source source, LDAPURL url) throws LDAPException {
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    int millis = source.timeoutSeconds() * 1000;
    options.setConnectTimeoutMillis(millis);
    options.setResponseTimeoutMillis(millis);
    options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
    boolean ldaps = url.getScheme().equals("ldaps");
    LDAPConnection connection;
    try {
      connection =
          ldaps
              ? new LDAPConnection(sslUtil(source).createSSLSocketFactory(), options)
              : new LDAPConnection(options);
    } catch (GeneralSecurityException e) {
      throw new LDAPException(ResultCode.CONNECT_ERROR, "TLS set-up failed: " + e.getMessage(), e);
    }
    try {
      connection.connect(url.getHost(), url.getPort(), millis);
      if (source.startTls() && !ldaps) startTls(connection, source);
      return connection;
    } catch (LDAPException e) {
      connection.close();
      throw e;
    } catch (GeneralSecurityException e) {
      connection.close();
      throw new LDAPException(ResultCode.CONNECT_ERROR, "TLS set-up failed: " + e.getMessage(), e);
    }
  }

  private static void startTls(LDAPConnection connection, Source source)
      throws LDAPException, GeneralSecurityException {
    var result =
        connection.processExtendedOperation(
            new StartTLSExtendedRequest(sslUtil(source).createSSLContext()));
    if (!result.getResultCode().equals(ResultCode.SUCCESS))
      throw new LDAPException(
          result.getResultCode(), "StartTLS refused: " + result.getDiagnosticMessage());
  }

  private static SSLUtil sslUtil(Source source) {
    try {
      TrustManager trust =
          source.caBundleFile() == null
              ? JVMDefaultTrustManager.getInstance()
              : new PEMFileTrustManager(new File(source.caBundleFile()));
      return new SSLUtil(trust);
    } catch (java.security.KeyStoreException e) {
      throw new SourceReadException(
          "caBundleFile " + source.caBundleFile() + ": " + e.getMessage(), e);
    }
  }

  private static void bind(LDAPConnection connection, Source source, @Nullable String password)
      throws LDAPException {
    if (source.bindDn() == null) return;
    connection.bind(source.bindDn(), password);
  }
}
