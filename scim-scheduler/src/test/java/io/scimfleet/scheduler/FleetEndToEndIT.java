package io.scimfleet.scheduler;

import static io.scimfleet.testing.GroupBuilder.aGroup;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.model.Credential;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.PropertyMapping;
import io.scimfleet.model.Provider;
import io.scimfleet.scim.ScimClient;
import io.scimfleet.testing.ScimSdkServer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.StateName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A scheduler and two workers on the real Redis, syncing to a real SCIM server (SCIM-SDK). */
class FleetEndToEndIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private ScimSdkServer target;
  private Fleet fleet;
  private String providerName;

  @BeforeEach
  void start() {
    target = ScimSdkServer.start();
    fleet = new Fleet(FleetEndToEndIT.class, 2);
    providerName = "target";
    fleet.addProvider(provider(List.of()));
  }

  @AfterEach
  void stop() {
    fleet.close();
    target.close();
  }

  @Test
  void directoryChangesReachTheTarget() {
    fleet.stores.directory().putUser(aUser("u1").named("Ada Lovelace").withUsername("ada").build());
    fleet.stores.directory().putUser(aUser("u2").named("Alan Turing").withUsername("alan").build());
    fleet.stores.directory().putGroup(aGroup("g1").named("Engineers").build(), List.of("u1", "u2"));

    await()
        .atMost(PATIENCE)
        .until(() -> target.memberNames("Engineers").equals(Set.of("ada", "alan")));

    fleet.stores.directory().putUser(aUser("u1").named("Ada King").withUsername("ada").build());
    fleet.stores.directory().removeMember("g1", "u2");
    await().atMost(PATIENCE).until(() -> target.memberNames("Engineers").equals(Set.of("ada")));
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                target
                    .userNamed("ada")
                    .map(u -> u.path("displayName").asText())
                    .orElse("")
                    .equals("Ada King"));

    fleet.stores.directory().deleteUser("u2");
    fleet.stores.directory().deleteGroup("g1");
    await()
        .atMost(PATIENCE)
        .until(() -> target.userNamed("alan").isEmpty() && target.groups().isEmpty());
    assertThat(target.userNamed("ada")).isPresent();
  }

  @Test
  void fullSyncRunsUserPagesThenGroupPagesAndAnUnchangedResyncWritesNothing() {
    for (int i = 0; i < 250; i++)
      fleet.stores.directory().putUser(aUser(String.format("u%03d", i)).build());
    fleet.stores.directory().putGroup(aGroup("g1").named("All").build(), List.of("u000", "u001"));
    awaitQuiet();
    await().atMost(PATIENCE).until(() -> fleet.jobServers() == 2);

    String runId = fleet.scheduler.fullSyncs().startNow(providerName, false);
    FullSyncRun run = awaitRun(runId);

    assertThat(run.status()).isEqualTo(FullSyncRun.Status.SUCCEEDED);
    // two live workers: the 250 users (3 pages of 100) are cut into the phase's window of 8 even
    // pages, so that both workers share them (PageCut)
    assertThat(run.userPages()).isEqualTo(8);
    assertThat(run.groupPages()).isEqualTo(1);
    // the change jobs synced everything already: each phase's plan ran its pages itself (nothing
    // to send), so the run made no page jobs
    assertThat(fleet.jobNames(StateName.SUCCEEDED))
        .contains(
            "full sync target: plan",
            "full sync target: plan group pages",
            "full sync target: clean-up")
        .noneMatch(name -> name.contains(" page "));
    assertThat(target.users()).hasSize(250);

    target.resetCounts();
    FullSyncRun again = awaitRun(fleet.scheduler.fullSyncs().startNow(providerName, false));

    assertThat(again.counts().unchanged()).isEqualTo(251);
    assertThat(target.writeRequestCount()).isZero();
  }

  /**
   * A job started less than 2 s ago waits until 2 s after its start (docs/api.md): at most two
   * requests when the burst takes under 2 s, one more per 2 s that a loaded machine makes it last.
   */
  @Test
  void aBurstOfUpdatesToOneUserSendsAtMostTwoRequestsAndOneMorePerTwoSecondsOfIt() {
    fleet.stores.directory().putUser(aUser("u1").named("Burst Zero").withUsername("u1").build());
    await().atMost(PATIENCE).until(() -> target.userNamed("u1").isPresent());
    awaitQuiet(); // the create job has finished (state and history recorded): it cannot pick up the
    // burst's first job
    target.resetCounts();

    long started = System.nanoTime();
    for (int i = 1; i <= 1000; i++)
      fleet.stores.directory().putUser(aUser("u1").named("Burst " + i).withUsername("u1").build());
    long twoSecondsOfBurst = (System.nanoTime() - started) / 2_000_000_000L;

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                target
                    .userNamed("u1")
                    .map(u -> u.path("displayName").asText())
                    .orElse("")
                    .equals("Burst 1000"));
    awaitQuiet();
    assertThat(target.writeRequestCount())
        .as("requests for a burst of %d times 2 s or more", twoSecondsOfBurst)
        .isLessThanOrEqualTo(2 + twoSecondsOfBurst);
  }

  @Test
  void aUserThatAlreadyExistsOnTheTargetIsLinkedNotDuplicated() {
    String existingId;
    try (ScimClient client =
        ScimClient.builder(target.baseUrl()).bearerToken(target.token()).build()) {
      ObjectNode grace = new ObjectMapper().createObjectNode().put("userName", "grace");
      grace.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
      existingId = client.create("Users", grace).id();
    }
    fleet
        .stores
        .directory()
        .putUser(aUser("u7").named("Grace Hopper").withUsername("grace").build());

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                fleet
                    .stores
                    .syncState()
                    .get(providerName, ObjectType.USER, "u7")
                    .map(state -> state.remoteId() != null)
                    .orElse(false));
    assertThat(
            fleet
                .stores
                .syncState()
                .get(providerName, ObjectType.USER, "u7")
                .orElseThrow()
                .remoteId())
        .isEqualTo(existingId);
    assertThat(target.users())
        .filteredOn(u -> u.path("userName").asText().equals("grace"))
        .hasSize(1);
  }

  @Test
  void anInvalidObjectFailsAloneWithItsViolationsInTheJobResult() {
    fleet.addProvider(
        provider(
            List.of(
                new PropertyMapping(
                    "60-active", "{'active': username = 'bad' ? 'True' : active}"))));
    fleet.stores.directory().putUser(aUser("u1").withUsername("good").build());
    fleet.stores.directory().putUser(aUser("u2").withUsername("bad").build());

    await()
        .atMost(PATIENCE)
        .until(
            () -> !fleet.jobs(StateName.FAILED).isEmpty() && target.userNamed("good").isPresent());
    Job failed = fleet.jobs(StateName.FAILED).get(0);
    assertThat(failed.getJobName()).isEqualTo("sync user u2 → target");
    assertThat(((FailedState) failed.getJobState()).getExceptionMessage()).contains("$.active");
    assertThat(target.userNamed("bad")).isEmpty();
    assertThat(
            fleet
                .stores
                .syncState()
                .get(providerName, ObjectType.USER, "u2")
                .orElseThrow()
                .lastError())
        .contains("$.active");
  }

  private Provider provider(List<PropertyMapping> userMappings) {
    return aProvider(providerName)
        .at(target.baseUrl().toString())
        .withCredential(Credential.inline(target.token()))
        .withDeletionThreshold(100)
        .withUserMappings(userMappings)
        .build();
  }

  private FullSyncRun awaitRun(String runId) {
    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () -> fleet.lastRun(providerName).filter(run -> run.runId().equals(runId)).isPresent());
    return fleet.lastRun(providerName).orElseThrow();
  }

  /** Waits until no per-object job is pending or running. */
  private void awaitQuiet() {
    await()
        .atMost(PATIENCE)
        .pollDelay(Duration.ofSeconds(1))
        .until(
            () ->
                fleet.stores.pendingJobs().count(providerName) == 0
                    && fleet.jobs(StateName.ENQUEUED).isEmpty()
                    && fleet.jobs(StateName.PROCESSING).isEmpty()
                    && fleet.stores.changes().lag() == 0);
  }
}
