package io.scimfleet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made in the test (BouncyCastle, EC P-256 keys, fast): a CA, server certificates it
 * signs for given DNS names and IP addresses (valid, expired), and self-signed ones.
 *
 * <pre>{@code
 * TestCertificates.Authority ca = TestCertificates.authority("Test CA");
 * TestCertificates.Server server = ca.issue("localhost", "127.0.0.1");
 * ScimSdkServer https = ScimSdkServer.startHttps(Options.defaults(), server.serverContext());
 * ScimClient.builder(https.baseUrl()).caBundle(ca.writePem(dir.resolve("ca.pem")))...
 * }</pre>
 */
public final class TestCertificates {
  private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());
  private static final Duration VALID = Duration.ofDays(30);

  private TestCertificates() {}

  /** A new self-signed CA. */
  public static Authority authority(String commonName) {
    KeyPair keys = keyPair();
    X500Name name = new X500Name("CN=" + commonName);
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            serial(),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(VALID)),
            name,
            keys.getPublic());
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
    } catch (CertIOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    return new Authority(sign(builder, keys), keys);
  }

  /** A server certificate that signs itself (no CA), valid now, for these names. */
  public static Server selfSigned(String... names) {
    KeyPair keys = keyPair();
    X509Certificate certificate =
        leaf(new X500Name("CN=" + names[0]), keys, names, Instant.now(), keys, null);
    return new Server(certificate, keys);
  }

  /** PEM text of certificates, as in a CA bundle. */
  public static String pem(List<X509Certificate> certificates) {
    StringBuilder text = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      try {
        text.append("-----BEGIN CERTIFICATE-----\n")
            .append(
                Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n");
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException(e);
      }
    }
    return text.toString();
  }

  /** A CA: it issues server certificates and writes itself as a PEM bundle. */
  public record Authority(X509Certificate certificate, KeyPair keys) {
    /**
     * A server certificate for these DNS names and IP addresses, valid from an hour ago for 30
     * days.
     */
    public Server issue(String... names) {
      return issueValidFrom(Instant.now().minus(Duration.ofHours(1)), names);
    }

    /** A server certificate for these names that expired yesterday. */
    public Server issueExpired(String... names) {
      return issueValidFrom(Instant.now().minus(VALID).minus(Duration.ofDays(1)), names);
    }

    /**
     * A server certificate for these names, valid for 30 days from {@code start} (in the future:
     * not yet valid).
     */
    public Server issueValidFrom(Instant start, String... names) {
      KeyPair serverKeys = keyPair();
      X509Certificate issued =
          leaf(new X500Name("CN=" + names[0]), serverKeys, names, start, keys, certificate);
      return new Server(issued, serverKeys, certificate);
    }

    /** Writes this CA's certificate as PEM to {@code file} and returns the file. */
    public Path writePem(Path file) {
      try {
        return Files.writeString(file, pem(List.of(certificate)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A server's certificate chain and private key. */
  // the chain is an array because the TLS API (KeyStore, X509TrustManager) takes and returns one
  @SuppressWarnings("ArrayRecordComponent")
  public record Server(X509Certificate[] chain, KeyPair keys) {
    Server(X509Certificate leaf, KeyPair keys, X509Certificate... issuers) {
      this(concat(leaf, issuers), keys);
    }

    public X509Certificate certificate() {
      return chain[0];
    }

    /** The key store a TLS server presents (alias "server", password "changeit"). */
    public KeyStore keyStore() {
      try {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", keys.getPrivate(), "changeit".toCharArray(), chain);
        return store;
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * Writes the chain ({@code cert}) and the PKCS #8 private key ({@code key}) as PEM, e.g. for
     * redis-server.
     */
    public void writePem(Path cert, Path key) {
      try {
        Files.writeString(cert, pem(List.of(chain)));
        Files.writeString(
            key,
            "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** A server-side SSLContext that presents this certificate. */
    public SSLContext serverContext() {
      try {
        KeyManagerFactory keyManagers =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore(), "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static X509Certificate leaf(
      X500Name subject,
      KeyPair subjectKeys,
      String[] names,
      Instant start,
      KeyPair issuerKeys,
      X509Certificate issuer) {
    X500Name issuerName =
        issuer == null
            ? subject
            : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuerName,
            serial(),
            Date.from(start),
            Date.from(start.plus(VALID)),
            subject,
            subjectKeys.getPublic());
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(names));
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
      if (issuer != null)
        builder.addExtension(
            Extension.authorityKeyIdentifier,
            false,
            extensions.createAuthorityKeyIdentifier(issuer));
    } catch (CertIOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    return sign(builder, issuerKeys);
  }

  private static GeneralNames alternativeNames(String[] names) {
    GeneralName[] general = new GeneralName[names.length];
    for (int i = 0; i < names.length; i++) {
      boolean ip = names[i].matches("[0-9.]+") || names[i].contains(":");
      general[i] = new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, names[i]);
    }
    return new GeneralNames(general);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer) {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BigInteger serial() {
    return BigInteger.valueOf(SERIALS.incrementAndGet());
  }

  private static X509Certificate[] concat(X509Certificate leaf, X509Certificate[] issuers) {
    X509Certificate[] chain = new X509Certificate[issuers.length + 1];
    chain[0] = leaf;
    System.arraycopy(issuers, 0, chain, 1, issuers.length);
    return chain;
  }
}
