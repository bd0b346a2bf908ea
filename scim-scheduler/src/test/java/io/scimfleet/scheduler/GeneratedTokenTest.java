package io.scimfleet.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;

class GeneratedTokenTest {
  @Test
  void theGeneratedAdminTokenGoesToAFileOnlyItsOwnerCanRead() throws Exception {
    Path file = GeneratedToken.write("generated-token-0123456789abcdef0123");
    try {
      assertThat(Files.readString(file).strip()).isEqualTo("generated-token-0123456789abcdef0123");
      assertThat(Files.getPosixFilePermissions(file))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
