package io.scimfleet.scim.internal;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.apache.hc.client5.http.psl.PublicSuffixMatcherLoader;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HttpClientHostnameVerifier;

/**
 * HttpClient 5's {@link DefaultHostnameVerifier} (DNS names with wildcards and the public suffix
 * list, IP addresses, in the subject alternative names), with a refusal that says "host name
 * mismatch: certificate for X is valid for [...]".
 */
final class ExplainingHostnameVerifier implements HttpClientHostnameVerifier {
  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  private final DefaultHostnameVerifier delegate =
      new DefaultHostnameVerifier(PublicSuffixMatcherLoader.getDefault());

  @Override
  public void verify(String host, X509Certificate certificate) throws SSLException {
    try {
      delegate.verify(host, certificate);
    } catch (SSLPeerUnverifiedException e) {
      SSLPeerUnverifiedException explained =
          new SSLPeerUnverifiedException(
              "host name mismatch: certificate for "
                  + host
                  + " is valid for "
                  + namesOf(certificate));
      explained.initCause(e);
      throw explained;
    }
  }

  @Override
  public boolean verify(String host, SSLSession session) {
    return delegate.verify(host, session);
  }

  /** The DNS names and IP addresses the certificate names; its subject when it has none. */
  static List<String> namesOf(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
      if (alternatives != null) {
        for (List<?> entry : alternatives) {
          int type = (Integer) entry.get(0);
          if (type == DNS_NAME || type == IP_ADDRESS) names.add(String.valueOf(entry.get(1)));
        }
      }
    } catch (CertificateParsingException e) {
      names.add("unreadable subject alternative names");
    }
    if (names.isEmpty()) names.add(certificate.getSubjectX500Principal().getName());
    return names;
  }
}
