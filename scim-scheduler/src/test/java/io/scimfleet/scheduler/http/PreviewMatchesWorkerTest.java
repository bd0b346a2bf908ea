package io.scimfleet.scheduler.http;

import static io.scimfleet.testing.GroupBuilder.aGroup;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.NestedGroups;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The preview shows what the worker sends: a group synced by the worker to SCIM-SDK holds on the
 * target exactly the attributes and members, in the same order, that the preview of it shows.
 */
class PreviewMatchesWorkerTest {
  private static ScimSdkServer target;

  private final Stores stores = Stores.inMemory();
  private final JobRunrFleet jobs = JobRunrFleet.inMemory();
  private Worker worker;

  @BeforeAll
  static void startTarget() {
    target = ScimSdkServer.start();
  }

  @AfterAll
  static void stopTarget() {
    target.close();
  }

  @BeforeEach
  void start() {
    target.reset();
    worker =
        new Worker(
            stores,
            jobs.queue(),
            new FleetMetrics(new SimpleMeterRegistry()),
            Clock.systemUTC(),
            2,
            TestSecurity.settings());
  }

  @AfterEach
  void stop() {
    worker.close();
    jobs.close();
  }

  @ParameterizedTest
  @EnumSource(NestedGroups.class)
  void aGroupOnTheTargetIsWhatItsPreviewShows(NestedGroups nested) throws Exception {
    Provider provider =
        aProvider("crm")
            .at(target.baseUrl().toString())
            .withCredential(Credential.inline(target.token()))
            .nestedGroups(nested)
            .build();
    stores.providers().put(provider);
    for (String id : List.of("u3", "u1", "u4", "u2")) stores.directory().putUser(aUser(id).build());
    stores.directory().putGroup(aGroup("child").named("Child").build(), List.of("u4"), List.of());
    stores
        .directory()
        .putGroup(
            aGroup("g1").named("Engineers").build(), List.of("u3", "u1", "u2"), List.of("child"));

    SyncObjectHandler handler = (SyncObjectHandler) worker.handlers().get(SyncObjectHandler.class);
    handler.run(new SyncObjectRequest("crm", ObjectType.GROUP, "g1", null));
    ObjectNode preview =
        new Preview(stores, new ScimSchemaValidator())
            .of(provider, ObjectType.GROUP, "g1")
            .resource();

    JsonNode onTarget =
        target.groups().stream()
            .filter(g -> g.path("displayName").asText().equals("Engineers"))
            .findFirst()
            .orElseThrow();
    assertThat(preview.path("members").size())
        .isEqualTo(4); // native: u1, u2, u3 and child; flatten: u1 to u4
    assertThat(members(onTarget)).isEqualTo(members(preview));
    preview
        .fields()
        .forEachRemaining(
            field -> {
              if (!field.getKey().equals("members"))
                assertThat(onTarget.get(field.getKey())).isEqualTo(field.getValue());
            });
  }

  /** Each member's value (remote id) and type, in order. */
  private static List<Map<String, String>> members(JsonNode group) {
    List<Map<String, String>> members = new ArrayList<>();
    group
        .path("members")
        .forEach(
            m ->
                members.add(
                    Map.of(
                        "value", m.path("value").asText(), "type", m.path("type").asText("User"))));
    return members;
  }
}
