package io.scimfleet.scheduler;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.job.SyncObjectsRequest;
import io.scimfleet.job.jobrunr.FleetJobRequest;
import io.scimfleet.model.Credential;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.testing.ScimSdkServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A burst of changes becomes multi-object jobs (at most 100 objects each), on a scheduler and two
 * workers on the real Redis syncing to a real SCIM server; a trickle keeps one job per object, and
 * coalescing still holds inside a burst.
 */
class BurstBatchingIT {
  private static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final String PROVIDER = "target";

  private ScimSdkServer target;
  private Fleet fleet;

  @BeforeEach
  void start() {
    target = ScimSdkServer.start();
    fleet = new Fleet(BurstBatchingIT.class, 2);
    fleet.addProvider(
        aProvider(PROVIDER)
            .at(target.baseUrl().toString())
            .withCredential(Credential.inline(target.token()))
            .withDeletionThreshold(100)
            .build());
  }

  @AfterEach
  void stop() {
    fleet.close();
    target.close();
  }

  @Test
  void anImportOfAThousandUsersIsSentByAboutTenJobsWithEachOutcomeRecorded() {
    List<DirectoryUser> users =
        IntStream.range(0, 1000).mapToObj(i -> aUser(String.format("u%04d", i)).build()).toList();
    fleet.stores.directory().putUsers(users);

    await().atMost(PATIENCE).until(() -> target.users().size() == 1000);
    awaitQuiet();
    List<Job> jobs = allJobs();
    assertThat(jobs).as("jobs for 1,000 imported users").hasSizeLessThanOrEqualTo(12);
    assertThat(jobs)
        .allSatisfy(job -> assertThat(request(job)).isInstanceOf(SyncObjectsRequest.class));
    assertThat(jobs)
        .allSatisfy(
            job ->
                assertThat(((SyncObjectsRequest) request(job)).objects())
                    .hasSizeLessThanOrEqualTo(100));
    Map<String, ObjectSyncState> states =
        fleet
            .stores
            .syncState()
            .getAll(PROVIDER, ObjectType.USER, users.stream().map(DirectoryUser::id).toList());
    assertThat(states).hasSize(1000);
    assertThat(states.values()).allSatisfy(state -> assertThat(state.remoteId()).isNotNull());
  }

  @Test
  void aTrickleKeepsOneJobPerObject() {
    fleet.stores.directory().putUser(aUser("solo").build());

    await().atMost(PATIENCE).until(() -> target.users().size() == 1);
    awaitQuiet();
    assertThat(allJobs())
        .singleElement()
        .satisfies(
            job ->
                assertThat(request(job))
                    .isEqualTo(new SyncObjectRequest(PROVIDER, ObjectType.USER, "solo", null)));
  }

  @Test
  void insideABurstEachObjectHasAtMostOnePendingUnitOfWorkAndTheLatestStateIsSent() {
    List<DirectoryUser> burst = new ArrayList<>();
    for (int i = 1; i <= 400; i++) {
      burst.add(aUser(String.format("b%03d", i)).build());
      burst.add(aUser("hot").named("Version " + i).withUsername("hot").build());
    }
    for (int from = 0; from < burst.size(); from += 100)
      fleet.stores.directory().putUsers(burst.subList(from, from + 100));

    await()
        .atMost(PATIENCE)
        .until(() -> target.users().size() == 401 && displayName("hot").equals("Version 400"));
    awaitQuiet();
    long jobsWithHot =
        allJobs().stream()
            .map(BurstBatchingIT::request)
            .filter(BurstBatchingIT::mentionsHot)
            .count();
    assertThat(jobsWithHot).as("jobs that synced 'hot' (400 changes)").isBetween(1L, 8L);
    assertThat(
            fleet.stores.syncState().get(PROVIDER, ObjectType.USER, "hot").orElseThrow().remoteId())
        .isNotNull();
  }

  private static boolean mentionsHot(Object request) {
    if (request instanceof SyncObjectRequest single) return single.objectId().equals("hot");
    return ((SyncObjectsRequest) request)
        .objects().stream().anyMatch(item -> item.objectId().equals("hot"));
  }

  private String displayName(String userName) {
    return target.users().stream()
        .filter(u -> u.path("userName").asText().equals(userName))
        .findFirst()
        .map(u -> u.path("displayName").asText())
        .orElse("");
  }

  private List<Job> allJobs() {
    return Stream.of(
            StateName.SUCCEEDED,
            StateName.FAILED,
            StateName.SCHEDULED,
            StateName.ENQUEUED,
            StateName.PROCESSING)
        .flatMap(state -> fleet.jobs(state).stream())
        .filter(
            job ->
                request(job) instanceof SyncObjectRequest
                    || request(job) instanceof SyncObjectsRequest)
        .toList();
  }

  /** The fleet's request inside the job (JobRunr holds it wrapped in a {@link FleetJobRequest}). */
  private static Object request(Job job) {
    Object parameter = job.getJobDetails().getJobParameterValues()[0];
    return parameter instanceof FleetJobRequest wrapped ? wrapped.job() : parameter;
  }

  /** Waits until no per-object job is pending or running. */
  private void awaitQuiet() {
    await()
        .atMost(PATIENCE)
        .pollDelay(Duration.ofSeconds(1))
        .until(
            () ->
                fleet.stores.pendingJobs().count(PROVIDER) == 0
                    && fleet.jobs(StateName.ENQUEUED).isEmpty()
                    && fleet.jobs(StateName.PROCESSING).isEmpty()
                    && fleet.stores.changes().lag() == 0);
  }
}
