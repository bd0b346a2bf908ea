package io.scimfleet.mapping;

import static io.scimfleet.testing.GroupBuilder.aGroup;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.SyncStateBuilder.aSyncState;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.model.NestedGroups;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.store.Stores;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one payload builder: members and managers by their remote ids, mapping apart from checks. */
class PayloadBuilderTest {
  private final Stores stores = Stores.inMemory();
  private final PayloadBuilder payloads =
      new PayloadBuilder(stores.directory(), stores.syncState(), new ScimSchemaValidator());

  @Test
  void aGroupsMembersGoByTheirRemoteIdsAndThoseNeverSyncedAreNamedApart() {
    for (String id : List.of("synced", "new", "deactivated"))
      stores.directory().putUser(aUser(id).build());
    stores.directory().putGroup(aGroup("child").build(), List.of());
    stores
        .directory()
        .putGroup(aGroup("eng").build(), List.of("synced", "new", "deactivated"), List.of("child"));
    stores.syncState().put(aSyncState("crm", ObjectType.USER, "synced").createdAs("r-1").build());
    stores
        .syncState()
        .put(
            aSyncState("crm", ObjectType.USER, "deactivated")
                .createdAs("r-2")
                .build()
                .withFailure(SyncOutcome.DEACTIVATED, null, Instant.EPOCH));

    PayloadBuilder.Members members = payloads.members("crm", NestedGroups.NATIVE, "eng");

    assertThat(members.resolved()).containsExactly(new GroupMember("synced", "r-1"));
    assertThat(members.notOnTarget())
        .containsExactly(
            new PayloadBuilder.Member(ObjectType.USER, "new"),
            new PayloadBuilder.Member(ObjectType.GROUP, "child"));
  }

  @Test
  void aUsersManagerGoesByItsRemoteIdAndOneNotOnTheTargetIsLeftOut() {
    stores.directory().putUser(aUser("boss").build());
    stores.syncState().put(aSyncState("crm", ObjectType.USER, "boss").createdAs("r-9").build());

    MappingInput managed =
        payloads.user("crm", PayloadBuilder.UNASKED, aUser("ada").with("manager", "boss").build());
    MappingInput unmanaged =
        payloads.user(
            "crm", PayloadBuilder.UNASKED, aUser("ada").with("manager", "nobody").build());

    assertThat(managed.json().get("manager").toString()).contains("r-9");
    assertThat(unmanaged.json()).doesNotContainKey("manager");
  }

  @Test
  void mappingDoesNotCheckAndBuildingDoes() {
    Provider provider =
        aProvider("crm").withUserMapping("10-userName", "{\"userName\": 42}").build();
    Mappings mappings =
        ProviderMappings.compile(provider, ObjectType.USER, MappingLimits.defaults());
    MappingInput numbered = MappingInput.user(aUser("ada").build());

    ObjectNode mapped = payloads.map(mappings, numbered);
    PayloadBuilder.Payload built = payloads.build(provider, mappings, ObjectType.USER, numbered);

    assertThat(mapped.path("userName").isNumber()).isTrue();
    assertThat(built.valid()).isFalse();
    assertThat(payloads.check(provider, ObjectType.USER, mapped).violations())
        .isEqualTo(built.violations());
  }
}
