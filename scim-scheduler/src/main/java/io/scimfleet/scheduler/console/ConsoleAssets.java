package io.scimfleet.scheduler.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * The console's two files, read from the jar once: htmx from its WebJar and the style sheet. No
 * CDN: the fleet may run air-gapped.
 */
final class ConsoleAssets {
  /** One file: its content type and its bytes (shared: callers only send them). */
  static final class Asset {
    private final String contentType;
    private final byte[] bytes;

    Asset(String contentType, byte[] bytes) {
      this.contentType = contentType;
      this.bytes = bytes;
    }

    String contentType() {
      return contentType;
    }

    byte[] bytes() {
      return bytes;
    }
  }

  private static final String HTMX_POM = "/META-INF/maven/org.webjars.npm/htmx.org/pom.properties";

  private final Map<String, Asset> byName;

  private ConsoleAssets(Map<String, Asset> byName) {
    this.byName = byName;
  }

  static ConsoleAssets load() {
    String htmx = "/META-INF/resources/webjars/htmx.org/" + htmxVersion() + "/dist/htmx.min.js";
    return new ConsoleAssets(
        Map.of(
            "htmx.min.js", new Asset("text/javascript; charset=utf-8", read(htmx)),
            "console.css", new Asset("text/css; charset=utf-8", read("console.css"))));
  }

  /** The named file, or null. */
  @Nullable Asset get(String name) {
    return byName.get(name);
  }

  private static String htmxVersion() {
    Properties pom = new Properties();
    try (InputStream in = open(HTMX_POM)) {
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pom.getProperty("version");
  }

  private static byte[] read(String resource) {
    try (InputStream in = open(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = ConsoleAssets.class.getResourceAsStream(resource);
    if (in == null) throw new IllegalStateException(resource + " is missing from the build");
    return in;
  }
}
