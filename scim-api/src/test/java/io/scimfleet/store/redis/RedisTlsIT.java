package io.scimfleet.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.scimfleet.scim.internal.Tls;
import io.scimfleet.testing.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** {@code rediss://} against a real redis-server with TLS on, whose certificates the test made. */
class RedisTlsIT {
  private static TestCertificates.Authority ca;
  private static SSLSocketFactory trustingCa;

  @TempDir static Path dir;

  private Process redis;
  private int port;

  @BeforeAll
  static void makeCa() {
    ca = TestCertificates.authority("Redis Test CA");
    trustingCa = Tls.trusting(ca.writePem(dir.resolve("ca.pem"))).getSocketFactory();
  }

  @AfterEach
  void stopRedis() throws InterruptedException {
    if (redis != null) {
      redis.destroy();
      redis.waitFor();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "localhost"})
  void aCertificateForTheHostIsAcceptedByIpAddressAndByName(String host) {
    startRedis(ca.issue("localhost", "127.0.0.1"));

    try (JedisPool pool = RedisConnections.pool("rediss://" + host + ":" + port, 2, trustingCa);
        Jedis jedis = pool.getResource()) {
      assertThat(jedis.ping()).isEqualTo("PONG");
    }
  }

  @Test
  void aCertificateForAnotherHostIsRefused() {
    startRedis(ca.issue("other.example"));

    Throwable refused;
    try (JedisPool pool = RedisConnections.pool("rediss://127.0.0.1:" + port, 2, trustingCa)) {
      refused = catchThrowable(() -> pool.getResource().ping());
    }

    assertThat(refused)
        .isInstanceOf(JedisConnectionException.class)
        .hasRootCauseInstanceOf(CertificateException.class)
        .hasStackTraceContaining("No subject alternative names matching IP address 127.0.0.1");
  }

  @Test
  void jedisOnItsOwnWouldHaveAcceptedTheWrongHost() {
    startRedis(ca.issue("other.example"));

    try (JedisPool plain =
            new JedisPool(
                new GenericObjectPoolConfig<>(),
                URI.create("rediss://127.0.0.1:" + port),
                trustingCa,
                null,
                null);
        Jedis jedis = plain.getResource()) {
      assertThat(jedis.ping()).isEqualTo("PONG");
    }
  }

  private void startRedis(TestCertificates.Server certificate) {
    Path cert = dir.resolve("redis-" + certificate.certificate().getSerialNumber() + ".crt");
    Path key = dir.resolve("redis-" + certificate.certificate().getSerialNumber() + ".key");
    certificate.writePem(cert, key);
    port = freePort();
    List<String> command =
        List.of(
            "redis-server",
            "--port",
            "0",
            "--tls-port",
            String.valueOf(port),
            "--bind",
            "127.0.0.1",
            "--tls-cert-file",
            cert.toString(),
            "--tls-key-file",
            key.toString(),
            "--tls-ca-cert-file",
            dir.resolve("ca.pem").toString(),
            "--tls-auth-clients",
            "no",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            dir.toString());
    try {
      redis =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("redis-" + port + ".log").toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start redis-server", e);
    }
    await().atMost(Duration.ofSeconds(10)).until(this::listening);
  }

  private boolean listening() {
    if (!redis.isAlive())
      throw new IllegalStateException(
          "redis-server exited: see " + dir.resolve("redis-" + port + ".log"));
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
