package io.scimfleet.scheduler.source.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EntryShapeTest {
  @Test
  void aBinaryObjectGuidReadsAsTheUuidActiveDirectoryShows() {
    // AD shows {0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9}; the first three parts are little-endian
    byte[] guid = HexFormat.of().parseHex("3d2c1b0a5f4e71608293a4b5c6d7e8f9");

    assertThat(EntryShape.idValue(new Attribute("objectGUID", guid)))
        .isEqualTo("0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9");
  }

  @Test
  void aTextIdIsKeptAsItIs() {
    assertThat(
            EntryShape.idValue(new Attribute("entryUUID", "5e1a0f9c-8a4b-4c1d-9e2f-0a1b2c3d4e5f")))
        .isEqualTo("5e1a0f9c-8a4b-4c1d-9e2f-0a1b2c3d4e5f");
  }
}
