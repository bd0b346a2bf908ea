package io.scimfleet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project's name and version, as the build stamped them. */
public final class Version {
  public static final String PROJECT = "scim-fleet";

  private static final String VERSION = load();

  private Version() {}

  public static String version() {
    return VERSION;
  }

  /** The value sent as {@code User-Agent}: {@code scim-fleet/0.1.0}. */
  public static String userAgent() {
    return PROJECT + "/" + VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) return "unknown";
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
