package io.scimfleet.scheduler.inbound;

import static io.scimfleet.scheduler.inbound.Requests.oktaUser;
import static io.scimfleet.scheduler.inbound.Requests.patch;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.model.ObjectType;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Inbound SCIM writes to an object an LDAP source owns are 409s naming the source. */
class InboundSourceOwnedTest {
  private final InboundFixture fixture = InboundFixture.inMemory();
  private final ScimCalls scim = fixture.scim;

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aPatchPutOrDeleteOfAnObjectFromASourceIs409NamingTheSource() {
    String id = scim.post("/Users", oktaUser("isaac@example.com")).id();
    fixture.sources.store().own("corp-ldap", ObjectType.USER, Map.of(id, "uid=isaac,dc=corp"));

    ScimCalls.Answer patched =
        scim.patch("/Users/" + id, patch("{\"op\":\"replace\",\"value\":{\"active\":false}}"));
    ScimCalls.Answer deleted = scim.delete("/Users/" + id);

    assertThat(patched.status()).isEqualTo(409);
    assertThat(patched.body()).contains("corp-ldap");
    assertThat(deleted.status()).isEqualTo(409);
    assertThat(fixture.stores.directory().user(id).orElseThrow().active()).isTrue();
  }
}
