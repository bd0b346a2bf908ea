package io.scimfleet.scheduler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where all-in-one keeps the admin token it generated: a new file that only this user can read
 * (mode 0600), never stdout, which container runtimes keep in their logs.
 */
final class GeneratedToken {
  private GeneratedToken() {}

  /** Writes the token to a new file in the temporary directory; returns its path. */
  static Path write(String token) {
    try {
      boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
      Path file =
          posix
              ? Files.createTempFile(
                  "scim-admin-token-",
                  ".txt",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : Files.createTempFile("scim-admin-token-", ".txt");
      Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the generated admin token to a file", e);
    }
  }
}
