package io.scimfleet.worker.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.testing.GroupBuilder.aGroup;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.SyncStateBuilder.aSyncState;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.RetryLater;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.FeatureUse;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.model.UserUpdate;
import io.scimfleet.model.VendorProfile;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.MutableClock;
import io.scimfleet.testing.ProviderBuilder;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One WireMock script per vendor profile: the target plays the vendor's documented behaviour,
 * refusals included (sources in docs/profiles.md), and the test asserts that a provider with that
 * profile sends only what the vendor accepts, and that a generic provider would have been refused.
 */
class VendorProfileScriptsTest {
  private static final String BASE = "/scim/v2";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

  @RegisterExtension
  static WireMockExtension target =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final Stores stores = Stores.inMemory(clock);
  private Worker worker;

  /**
   * A vendor's documented behaviour, what the fleet must send it, and where a generic provider
   * fails.
   */
  interface Script {
    VendorProfile profile();

    /** The vendor's answers, refusals included. */
    void stub();

    /** Syncs with the vendor's profile and asserts what was sent. */
    void playWithProfile(VendorProfileScriptsTest fleet) throws Exception;

    /** Syncs the same objects as a generic provider and asserts the vendor's refusal. */
    void playAsGeneric(VendorProfileScriptsTest fleet) throws Exception;
  }

  static Stream<Script> scripts() {
    return Stream.of(
        new AwsIdentityCenter(),
        new Slack(),
        new GithubEmu(),
        new Atlassian(),
        new Salesforce(),
        new GoogleCloudIdentity(),
        new Generic());
  }

  static Stream<Script> vendorScripts() {
    return scripts().filter(script -> script.profile() != VendorProfile.GENERIC);
  }

  @BeforeEach
  void start() {
    worker =
        new Worker(
            stores,
            new NoJobQueue(),
            new FleetMetrics(new SimpleMeterRegistry()),
            clock,
            2,
            TestSecurity.settings());
    target.stubFor(
        get(urlPathEqualTo(BASE + "/ResourceTypes")).willReturn(aResponse().withStatus(404)));
  }

  @AfterEach
  void stop() {
    worker.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void theFleetSendsWhatTheVendorAccepts(Script script) throws Exception {
    script.stub();
    script.playWithProfile(this);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendorScripts")
  void aGenericProviderWouldHaveBeenRefused(Script script) throws Exception {
    script.stub();
    script.playAsGeneric(this);
  }

  // ---------------------------------------------------------------- AWS IAM Identity Center

  /**
   * Discovery claims PATCH; eq filters on userName, externalId, id (users) and displayName,
   * externalId (groups) only, anything else a 400 ValidationException; givenName, familyName,
   * userName and displayName required on create; at most 100 membership changes per group PATCH;
   * GET /Groups returns no members; no Bulk, no ETag.
   */
  static final class AwsIdentityCenter implements Script {
    @Override
    public VendorProfile profile() {
      return VendorProfile.AWS_IDENTITY_CENTER;
    }

    @Override
    public void stub() {
      config(
          "/ServiceProviderConfig",
          """
          {"patch":{"supported":true},"bulk":{"supported":false,"maxOperations":0},"filter":{"supported":true,
           "maxResults":100},"etag":{"supported":false},"changePassword":{"supported":false}}""");
      target.stubFor(
          post(urlPathEqualTo(BASE + "/Users"))
              .atPriority(9)
              .willReturn(
                  awsError(
                      400, "Request is unparsable, syntactically incorrect, or violates schema.")));
      target.stubFor(
          post(urlPathEqualTo(BASE + "/Users"))
              .atPriority(5)
              .withRequestBody(matchingJsonPath("$.name.familyName"))
              .withRequestBody(matchingJsonPath("$.name.givenName"))
              .withRequestBody(matchingJsonPath("$.displayName"))
              .willReturn(scim(201, "{\"id\":\"A-ada\",\"userName\":\"ada.lovelace\"}")));
      target.stubFor(
          post(urlPathEqualTo(BASE + "/Users"))
              .atPriority(1)
              .withRequestBody(matchingJsonPath("$[?(@.userName == 'grace.hopper')]"))
              .willReturn(awsError(409, "Duplicate userName")));
      target.stubFor(
          get(urlPathEqualTo(BASE + "/Users"))
              .atPriority(9)
              .willReturn(
                  awsError(
                      400, "Request is unparsable, syntactically incorrect, or violates schema.")));
      target.stubFor(
          get(urlPathEqualTo(BASE + "/Users"))
              .atPriority(5)
              .withQueryParam("filter", matching("(userName|externalId|id) eq \"[^\"]*\""))
              .willReturn(scim(200, "{\"totalResults\":0,\"itemsPerPage\":0,\"Resources\":[]}")));
      target.stubFor(
          post(urlPathEqualTo(BASE + "/Groups"))
              .atPriority(5)
              .willReturn(scim(201, "{\"id\":\"A-G1\",\"displayName\":\"g1\",\"members\":[]}")));
      target.stubFor(
          post(urlPathEqualTo(BASE + "/Groups"))
              .atPriority(1)
              .withRequestBody(matchingJsonPath("$[?(@.members.length() > 100)]"))
              .willReturn(awsError(400, "Too many members")));
      target.stubFor(
          post(urlPathEqualTo(BASE + "/Groups"))
              .atPriority(1)
              .withRequestBody(matchingJsonPath("$[?(@.displayName == 'g2')]"))
              .willReturn(awsError(409, "Duplicate")));
      target.stubFor(
          get(urlPathEqualTo(BASE + "/Groups"))
              .atPriority(9)
              .willReturn(awsError(400, "Invalid filter")));
      target.stubFor(
          get(urlPathEqualTo(BASE + "/Groups"))
              .atPriority(5)
              .withQueryParam("filter", matching("(displayName|externalId) eq \"[^\"]*\""))
              .willReturn(
                  scim(
                      200,
                      "{\"totalResults\":1,\"Resources\":[{\"id\":\"A-G2\",\"displayName\":\"g2\",\"members\":[]}]}")));
      target.stubFor(
          patch(urlPathMatching(BASE + "/(Users|Groups)/A-.*"))
              .willReturn(aResponse().withStatus(204)));
    }

    @Override
    public void playWithProfile(VendorProfileScriptsTest fleet) throws Exception {
      fleet.provider(VendorProfile.AWS_IDENTITY_CENTER, UnaryOperator.identity());
      fleet.stores.directory().putUser(aUser("u1").named("Ada Lovelace").build());
      fleet.stores.directory().putUser(aUser("u2").named("Plato").build());

      fleet.sync(ObjectType.USER, "u1");
      fleet.sync(ObjectType.USER, "u2");

      JsonNode created = body(fleet.sent(postRequestedFor(urlPathEqualTo(BASE + "/Users"))).get(0));
      assertThat(created.path("name").path("givenName").asText()).isEqualTo("Ada");
      assertThat(created.path("externalId").asText()).isEqualTo("u1");
      assertThat(created.path("emails")).hasSize(1);
      assertThat(created.path("emails").get(0).path("primary").asBoolean()).isTrue();
      assertThat(fleet.sent(postRequestedFor(urlPathEqualTo(BASE + "/Users")))).hasSize(1);
      assertThat(fleet.state(ObjectType.USER, "u2").lastError())
          .contains("$.name.familyName", "aws-identity-center")
          .doesNotContain("400");

      fleet.groupOfSyncedUsers("g1", 150);
      fleet.sync(ObjectType.GROUP, "g1");

      assertThat(
              body(fleet.sent(postRequestedFor(urlPathEqualTo(BASE + "/Groups"))).get(0))
                  .has("members"))
          .isFalse();
      List<Integer> chunks = new ArrayList<>();
      for (LoggedRequest sent :
          fleet.sent(patchRequestedFor(urlPathEqualTo(BASE + "/Groups/A-G1")))) {
        int changes = 0;
        for (JsonNode op : body(sent).path("Operations")) {
          assertThat(op.path("path").asText()).startsWith("members");
          changes += op.path("op").asText().equals("add") ? op.path("value").size() : 1;
        }
        chunks.add(changes);
      }
      assertThat(chunks).containsExactly(100, 50);
      assertThat(fleet.state(ObjectType.GROUP, "g1").membersSent()).hasSize(150);

      fleet.stores.directory().putGroup(aGroup("g2").named("g2").build(), List.of());
      fleet.sync(ObjectType.GROUP, "g2");

      LoggedRequest lookup = fleet.sent(getRequestedFor(urlPathEqualTo(BASE + "/Groups"))).get(0);
      assertThat(lookup.queryParameter("filter").firstValue()).isEqualTo("displayName eq \"g2\"");
      assertThat(lookup.queryParameter("excludedAttributes").firstValue()).isEqualTo("members");
      assertThat(fleet.state(ObjectType.GROUP, "g2").remoteId()).isEqualTo("A-G2");

      fleet.provider(
          VendorProfile.AWS_IDENTITY_CENTER,
          provider -> provider.matchingOn("emails.primary", null));
      fleet.stores.directory().putUser(aUser("u3").named("Grace Hopper").build());
      fleet.sync(ObjectType.USER, "u3");

      assertThat(fleet.state(ObjectType.USER, "u3").lastError())
          .contains("emails.primary", "userName, externalId");
      assertThat(fleet.sent(getRequestedFor(urlPathEqualTo(BASE + "/Users")))).isEmpty();
    }

    @Override
    public void playAsGeneric(VendorProfileScriptsTest fleet) throws Exception {
      fleet.provider(
          VendorProfile.GENERIC, provider -> provider.matchingOn("emails.primary", null));
      fleet.stores.directory().putUser(aUser("u2").named("Plato").build());
      fleet.stores.directory().putUser(aUser("u3").named("Grace Hopper").build());

      fleet.sync(ObjectType.USER, "u2");
      fleet.sync(ObjectType.USER, "u3");

      assertThat(fleet.sent(postRequestedFor(urlPathEqualTo(BASE + "/Users")))).hasSize(2);
      assertThat(fleet.state(ObjectType.USER, "u2").lastError()).contains("400");
      assertThat(fleet.sent(getRequestedFor(urlPathEqualTo(BASE + "/Users"))))
          .isNotEmpty()
          .allSatisfy(
              lookup ->
                  assertThat(lookup.queryParameter("filter").firstValue()).contains("emails"));
      assertThat(fleet.state(ObjectType.USER, "u3").lastError()).contains("400");
    }

    @Override
    public String toString() {
      return profile().wireName();
    }
  }

  // ---------------------------------------------------------------- Slack

  /**
   * A user needs an email (400 otherwise); writes are limited per minute and a burst above that is
   * answered 429 with Retry-After; discovery under-reports filter support.
   */
  static final class Slack implements Script {
    @Override
    public VendorProfile profile() {
      return VendorProfile.SLACK;
    }

    @Override
    public void stub() {
      config(
          "/ServiceProviderConfig",
          """
          {"patch":{"supported":true},"bulk":{"supported":false},"filter":{"supported":false,"maxResults":1000},
           "etag":{"supported":false},"changePassword":{"supported":false}}""");
      target.stubFor(
          post(urlPathEqualTo(BASE + "/Users"))
              .atPriority(9)
              .willReturn(
                  aResponse()
                      .withStatus(400)
                      .withHeader("Content-Type", "application/json")
                      .withBody("{\"Errors\":{\"description\":\"missing_email\",\"code\":400}}")));
      target.stubFor(
          post(urlPathEqualTo(BASE + "/Users"))
              .atPriority(5)
              .withRequestBody(matchingJsonPath("$.emails[0].value"))
              .willReturn(scim(201, "{\"id\":\"S-1\",\"userName\":\"ada.lovelace\"}")));
      target.stubFor(
          patch(urlPathEqualTo(BASE + "/Users/S-1"))
              .inScenario("burst")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30"))
              .willSetStateTo("cooled down"));
      target.stubFor(
          patch(urlPathEqualTo(BASE + "/Users/S-1"))
              .inScenario("burst")
              .whenScenarioStateIs("cooled down")
              .willReturn(scim(200, "{\"id\":\"S-1\",\"userName\":\"ada.lovelace\"}")));
    }

    @Override
    public void playWithProfile(VendorProfileScriptsTest fleet) throws Exception {
      fleet.provider(VendorProfile.SLACK, UnaryOperator.identity());
      assertThat(fleet.stores.providers().get("crm").orElseThrow().switches().requestsPerMinute())
          .isEqualTo(180);
      fleet.stores.directory().putUser(aUser("u1").named("Ada Lovelace").build());
      fleet.stores.directory().putUser(aUser("u2").build());

      fleet.sync(ObjectType.USER, "u1");
      fleet.sync(ObjectType.USER, "u2");

      assertThat(fleet.sent(postRequestedFor(urlPathEqualTo(BASE + "/Users")))).hasSize(1);
      assertThat(fleet.state(ObjectType.USER, "u2").lastError()).contains("$.emails", "slack");

      fleet
          .stores
          .directory()
          .putUser(aUser("u1").named("Ada King").withUsername("ada.lovelace").build());
      Throwable throttled = fleet.sync(ObjectType.USER, "u1");

      assertThat(throttled).isInstanceOf(RetryLater.class).hasMessageContaining("429");
      assertThat(((RetryLater) throttled).notBefore()).isEqualTo(Duration.ofSeconds(30));
      assertThat(fleet.sent(patchRequestedFor(urlPathEqualTo(BASE + "/Users/S-1")))).hasSize(1);

      fleet.sync(ObjectType.USER, "u1");

      assertThat(fleet.sent(patchRequestedFor(urlPathEqualTo(BASE + "/Users/S-1")))).hasSize(2);
      assertThat(fleet.state(ObjectType.USER, "u1").outcome()).isEqualTo(SyncOutcome.UPDATED);
    }

    @Override
    public void playAsGeneric(VendorProfileScriptsTest fleet) throws Exception {
      fleet.provider(VendorProfile.GENERIC, UnaryOperator.identity());
      assertThat(fleet.stores.providers().get("crm").orElseThrow().switches().requestsPerMinute())
          .isZero();
      fleet.stores.directory().putUser(aUser("u2").build());

      fleet.sync(ObjectType.USER, "u2");

      assertThat(fleet.sent(postRequestedFor(urlPathEqualTo(BASE + "/Users")))).hasSize(1);
      assertThat(fleet.state(ObjectType.USER, "u2").lastError()).contains("400");
    }

    @Override
    public String toString() {
      return profile().wireName();
    }
  }

  // ---------------------------------------------------------------- GitHub Enterprise Managed
  // Users

  /**
   * A request without User-Agent is refused (403); externalId is required on users and groups
   * (400); DELETE of a user is irreversible, {@code active: false} suspends.
   */
  static final class GithubEmu implements Script {
    @Override
    public VendorProfile profile() {
      return VendorProfile.GITHUB_EMU;
    }

    @Override
    public void stub() {
      target.stubFor(
          get(urlPathMatching(BASE + "/ServiceProviderConfig"))
              .willReturn(aResponse().withStatus(404)));
      target.stubFor(
          post(urlPathEqualTo(BASE + "/Users"))
              .atPriority(9)
              .willReturn(scimError(400, "externalId is required")));
      target.stubFor(
          post(urlPathEqualTo(BASE + "/Users"))
              .atPriority(5)
              .withHeader("User-Agent", matching("scim-fleet/.+"))
              .withRequestBody(matchingJsonPath("$.externalId"))
              .willReturn(scim(201, "{\"id\":\"GH-1\",\"userName\":\"ada.lovelace\"}")));
      target.stubFor(
          post(urlPathEqualTo(BASE + "/Users"))
              .atPriority(1)
              .withHeader("User-Agent", matching("^$|Java.*"))
              .willReturn(
                  aResponse()
                      .withStatus(403)
                      .withBody(
                          "Request forbidden by administrative rules. "
                              + "Please make sure your request has a User-Agent header")));
      target.stubFor(
          patch(urlPathEqualTo(BASE + "/Users/GH-1"))
              .willReturn(scim(200, "{\"id\":\"GH-1\",\"active\":false}")));
      target.stubFor(
          delete(urlPathEqualTo(BASE + "/Users/GH-1")).willReturn(aResponse().withStatus(204)));
    }

    private static ProviderBuilder employeeIdAsExternalId(ProviderBuilder provider) {
      return provider
          .withUserMapping("20-externalId", "{\"externalId\": attributes.employeeId}")
          .withDeletionThreshold(100)
          .limitedTo(8, 0);
    }

    @Override
    public void playWithProfile(VendorProfileScriptsTest fleet) throws Exception {
      fleet.provider(VendorProfile.GITHUB_EMU, GithubEmu::employeeIdAsExternalId);
      fleet
          .stores
          .directory()
          .putUser(aUser("u1").named("Ada Lovelace").with("employeeId", "E-1").build());
      fleet.stores.directory().putUser(aUser("u2").named("Grace Hopper").build());

      fleet.sync(ObjectType.USER, "u1");
      fleet.sync(ObjectType.USER, "u2");

      List<LoggedRequest> posts = fleet.sent(postRequestedFor(urlPathEqualTo(BASE + "/Users")));
      assertThat(posts).hasSize(1);
      assertThat(posts.get(0).getHeader("User-Agent")).startsWith("scim-fleet/");
      assertThat(fleet.state(ObjectType.USER, "u1").remoteId()).isEqualTo("GH-1");
      assertThat(fleet.state(ObjectType.USER, "u2").lastError())
          .contains("$.externalId", "github-emu");

      fleet.stores.directory().deleteUser("u1");
      fleet.sync(ObjectType.USER, "u1");

      JsonNode suspend =
          body(fleet.sent(patchRequestedFor(urlPathEqualTo(BASE + "/Users/GH-1"))).get(0));
      assertThat(suspend.path("Operations").get(0).path("path").asText()).isEqualTo("active");
      assertThat(suspend.path("Operations").get(0).path("value").asBoolean(true)).isFalse();
      assertThat(fleet.sent(deleteRequestedFor(anyUrl()))).isEmpty();
      assertThat(fleet.state(ObjectType.USER, "u1").outcome()).isEqualTo(SyncOutcome.DEACTIVATED);
    }

    @Override
    public void playAsGeneric(VendorProfileScriptsTest fleet) throws Exception {
      fleet.provider(VendorProfile.GENERIC, GithubEmu::employeeIdAsExternalId);
      fleet.stores.directory().putUser(aUser("u2").named("Grace Hopper").build());
      fleet
          .stores
          .syncState()
          .put(aSyncState("crm", ObjectType.USER, "u1").createdAs("GH-1").build());

      fleet.sync(ObjectType.USER, "u2");
      fleet.sync(ObjectType.USER, "u1");

      assertThat(fleet.state(ObjectType.USER, "u2").lastError())
          .contains("400", "externalId is required");
      assertThat(fleet.sent(deleteRequestedFor(urlPathEqualTo(BASE + "/Users/GH-1")))).hasSize(1);
    }

    @Override
    public String toString() {
      return profile().wireName();
    }
  }

  // ---------------------------------------------------------------- Atlassian

  /**
   * One eq filter on userName or externalId (a 400 for anything else); 409 when the user exists;
   * DELETE deactivates and unlinks the SCIM record, which is then 404.
   */
  static final class Atlassian implements Script {
    @Override
    public VendorProfile profile() {
      return VendorProfile.ATLASSIAN;
    }

    @Override
    public void stub() {
      config(
          "/ServiceProviderConfig",
          """
          {"patch":{"supported":true},"bulk":{"supported":false},"filter":{"supported":true,"maxResults":100},
           "etag":{"supported":false}}""");
      target.stubFor(
          post(urlPathEqualTo(BASE + "/Users"))
              .willReturn(
                  scim(
                      409,
                      "{\"schemas\":[\""
                          + ERROR
                          + "\"],\"status\":409,\"scimType\":\"uniqueness\",\"detail\":\"User already exists\"}")));
      target.stubFor(
          get(urlPathEqualTo(BASE + "/Users"))
              .atPriority(9)
              .willReturn(scimError(400, "Only userName and externalId filters are supported")));
      target.stubFor(
          get(urlPathEqualTo(BASE + "/Users"))
              .atPriority(5)
              .withQueryParam("filter", matching("(userName|externalId) eq \"[^\"]*\""))
              .willReturn(
                  scim(
                      200,
                      "{\"totalResults\":1,\"Resources\":[{\"id\":\"AT-1\",\"userName\":\"ada.lovelace\"}]}")));
      target.stubFor(
          patch(urlPathEqualTo(BASE + "/Users/AT-1")).willReturn(scim(200, "{\"id\":\"AT-1\"}")));
      target.stubFor(
          delete(urlPathEqualTo(BASE + "/Users/AT-1")).willReturn(aResponse().withStatus(204)));
    }

    @Override
    public void playWithProfile(VendorProfileScriptsTest fleet) throws Exception {
      fleet.provider(VendorProfile.ATLASSIAN, provider -> provider.withDeletionThreshold(100));
      fleet.stores.directory().putUser(aUser("u1").named("Ada Lovelace").build());

      fleet.sync(ObjectType.USER, "u1");

      assertThat(
              fleet
                  .sent(getRequestedFor(urlPathEqualTo(BASE + "/Users")))
                  .get(0)
                  .queryParameter("filter")
                  .firstValue())
          .isEqualTo("userName eq \"ada.lovelace\"");
      assertThat(fleet.state(ObjectType.USER, "u1").remoteId()).isEqualTo("AT-1");

      fleet.stores.directory().deleteUser("u1");
      fleet.sync(ObjectType.USER, "u1");

      assertThat(fleet.sent(deleteRequestedFor(anyUrl()))).isEmpty();
      assertThat(fleet.state(ObjectType.USER, "u1").outcome()).isEqualTo(SyncOutcome.DEACTIVATED);

      fleet.provider(
          VendorProfile.ATLASSIAN, provider -> provider.matchingOn("emails.primary", null));
      fleet.stores.directory().putUser(aUser("u2").named("Grace Hopper").build());
      int lookups = fleet.sent(getRequestedFor(urlPathEqualTo(BASE + "/Users"))).size();
      fleet.sync(ObjectType.USER, "u2");

      assertThat(fleet.state(ObjectType.USER, "u2").lastError())
          .contains("emails.primary", "matchOn.users");
      assertThat(fleet.sent(getRequestedFor(urlPathEqualTo(BASE + "/Users")))).hasSize(lookups);
    }

    @Override
    public void playAsGeneric(VendorProfileScriptsTest fleet) throws Exception {
      fleet.provider(
          VendorProfile.GENERIC,
          provider -> provider.matchingOn("emails.primary", null).withDeletionThreshold(100));
      fleet.stores.directory().putUser(aUser("u2").named("Grace Hopper").build());
      fleet
          .stores
          .syncState()
          .put(aSyncState("crm", ObjectType.USER, "u1").createdAs("AT-1").build());

      fleet.sync(ObjectType.USER, "u2");
      fleet.sync(ObjectType.USER, "u1");

      assertThat(fleet.state(ObjectType.USER, "u2").lastError()).contains("400");
      assertThat(fleet.sent(deleteRequestedFor(urlPathEqualTo(BASE + "/Users/AT-1")))).hasSize(1);
    }

    @Override
    public String toString() {
      return profile().wireName();
    }
  }

  // ---------------------------------------------------------------- Salesforce

  /**
   * Discovery at {@code /ServiceProviderConfigs} (plural); a user needs a profile (entitlements) to
   * be created; users cannot be deleted, only deactivated.
   */
  static final class Salesforce implements Script {
    @Override
    public VendorProfile profile() {
      return VendorProfile.SALESFORCE;
    }

    @Override
    public void stub() {
      target.stubFor(
          get(urlPathEqualTo(BASE + "/ServiceProviderConfig"))
              .willReturn(aResponse().withStatus(404)));
      config(
          "/ServiceProviderConfigs",
          """
          {"patch":{"supported":true},"bulk":{"supported":false},"filter":{"supported":true,"maxResults":200},
           "etag":{"supported":false},"changePassword":{"supported":true}}""");
      target.stubFor(
          post(urlPathEqualTo(BASE + "/Users"))
              .atPriority(9)
              .willReturn(scimError(400, "Required field is missing: entitlements (profile)")));
      target.stubFor(
          post(urlPathEqualTo(BASE + "/Users"))
              .atPriority(5)
              .withRequestBody(matchingJsonPath("$.entitlements[0].value"))
              .willReturn(scim(201, "{\"id\":\"005-1\",\"userName\":\"ada.lovelace\"}")));
      target.stubFor(
          patch(urlPathEqualTo(BASE + "/Users/005-1"))
              .willReturn(scim(200, "{\"id\":\"005-1\",\"active\":false}")));
      target.stubFor(
          delete(urlPathMatching(BASE + "/Users/.*"))
              .willReturn(scimError(405, "Users can't be deleted")));
    }

    private static ProviderBuilder profileIdAsEntitlement(ProviderBuilder provider) {
      return provider
          .withUserMapping(
              "70-entitlements",
              "attributes.profileId ? {\"entitlements\": [{\"value\": attributes.profileId}]} : {}")
          .withDeletionThreshold(100);
    }

    @Override
    public void playWithProfile(VendorProfileScriptsTest fleet) throws Exception {
      fleet.provider(VendorProfile.SALESFORCE, Salesforce::profileIdAsEntitlement);
      fleet
          .stores
          .directory()
          .putUser(aUser("u1").named("Ada Lovelace").with("profileId", "00e-std").build());
      fleet.stores.directory().putUser(aUser("u2").named("Grace Hopper").build());

      fleet.sync(ObjectType.USER, "u1");
      fleet.sync(ObjectType.USER, "u2");

      assertThat(fleet.sent(postRequestedFor(urlPathEqualTo(BASE + "/Users")))).hasSize(1);
      assertThat(fleet.state(ObjectType.USER, "u1").remoteId()).isEqualTo("005-1");
      assertThat(fleet.state(ObjectType.USER, "u2").lastError())
          .contains("$.entitlements", "salesforce");

      fleet.stores.directory().deleteUser("u1");
      fleet.sync(ObjectType.USER, "u1");

      assertThat(fleet.sent(deleteRequestedFor(anyUrl()))).isEmpty();
      assertThat(fleet.sent(patchRequestedFor(urlPathEqualTo(BASE + "/Users/005-1")))).hasSize(1);
      assertThat(fleet.state(ObjectType.USER, "u1").outcome()).isEqualTo(SyncOutcome.DEACTIVATED);
    }

    @Override
    public void playAsGeneric(VendorProfileScriptsTest fleet) throws Exception {
      fleet.provider(VendorProfile.GENERIC, Salesforce::profileIdAsEntitlement);
      fleet.stores.directory().putUser(aUser("u2").named("Grace Hopper").build());
      fleet
          .stores
          .syncState()
          .put(aSyncState("crm", ObjectType.USER, "u1").createdAs("005-1").build());

      fleet.sync(ObjectType.USER, "u2");
      fleet.sync(ObjectType.USER, "u1");

      assertThat(fleet.state(ObjectType.USER, "u2").lastError()).contains("400");
      assertThat(fleet.sent(deleteRequestedFor(urlPathEqualTo(BASE + "/Users/005-1")))).hasSize(1);
      assertThat(fleet.state(ObjectType.USER, "u1").lastError()).contains("405");
    }

    @Override
    public String toString() {
      return profile().wireName();
    }
  }

  // ---------------------------------------------------------------- Google Cloud Identity

  /**
   * At most one member added or removed per group PATCH (400 otherwise); users filter only on
   * {@code userName eq}; PUT is answered 404; no ETag, no Bulk.
   */
  static final class GoogleCloudIdentity implements Script {
    @Override
    public VendorProfile profile() {
      return VendorProfile.GOOGLE_CLOUD_IDENTITY;
    }

    @Override
    public void stub() {
      config(
          "/ServiceProviderConfig",
          """
          {"patch":{"supported":true},"bulk":{"supported":false},"filter":{"supported":true,"maxResults":100},
           "etag":{"supported":false}}""");
      target.stubFor(
          post(urlPathEqualTo(BASE + "/Groups"))
              .willReturn(scim(201, "{\"id\":\"GG-1\",\"displayName\":\"g1\"}")));
      target.stubFor(
          patch(urlPathEqualTo(BASE + "/Groups/GG-1")).atPriority(5).willReturn(scim(200, "{}")));
      target.stubFor(
          patch(urlPathEqualTo(BASE + "/Groups/GG-1"))
              .atPriority(1)
              .withRequestBody(matchingJsonPath("$[?(@.Operations.length() > 1)]"))
              .willReturn(
                  scimError(
                      400,
                      "A maximum of 1 member addition or removal is supported per Group patch request")));
      target.stubFor(
          patch(urlPathEqualTo(BASE + "/Groups/GG-1"))
              .atPriority(1)
              .withRequestBody(matchingJsonPath("$.Operations[?(@.value.length() > 1)]"))
              .willReturn(
                  scimError(
                      400,
                      "A maximum of 1 member addition or removal is supported per Group patch request")));
      target.stubFor(
          put(urlPathMatching(BASE + "/(Users|Groups)/.*"))
              .willReturn(aResponse().withStatus(404)));
      target.stubFor(
          post(urlPathEqualTo(BASE + "/Users"))
              .willReturn(scimError(409, "Entity already exists")));
      target.stubFor(
          get(urlPathEqualTo(BASE + "/Users"))
              .atPriority(9)
              .willReturn(
                  scimError(400, "The filter parameter only supports equality on userName")));
      target.stubFor(
          get(urlPathEqualTo(BASE + "/Users"))
              .atPriority(5)
              .withQueryParam("filter", matching("userName eq \"[^\"]*\""))
              .willReturn(scim(200, "{\"totalResults\":0,\"resources\":[]}")));
    }

    @Override
    public void playWithProfile(VendorProfileScriptsTest fleet) throws Exception {
      fleet.provider(
          VendorProfile.GOOGLE_CLOUD_IDENTITY, provider -> provider.matchingOn("externalId", null));
      fleet.groupOfSyncedUsers("g1", 3);

      fleet.sync(ObjectType.GROUP, "g1");

      List<LoggedRequest> patches =
          fleet.sent(patchRequestedFor(urlPathEqualTo(BASE + "/Groups/GG-1")));
      assertThat(patches)
          .hasSize(3)
          .allSatisfy(
              sent -> {
                JsonNode operations = body(sent).path("Operations");
                assertThat(operations).hasSize(1);
                assertThat(operations.get(0).path("value")).hasSize(1);
              });
      assertThat(fleet.state(ObjectType.GROUP, "g1").membersSent()).hasSize(3);
      assertThat(fleet.state(ObjectType.GROUP, "g1").lastError()).isNull();

      fleet.stores.directory().putUser(aUser("u9").named("Grace Hopper").build());
      fleet.sync(ObjectType.USER, "u9");

      assertThat(fleet.state(ObjectType.USER, "u9").lastError()).contains("externalId", "userName");
      assertThat(fleet.sent(getRequestedFor(urlPathEqualTo(BASE + "/Users")))).isEmpty();
      assertThat(fleet.sent(anyRequestedFor(anyUrl()).withHeader("If-Match", matching(".*"))))
          .isEmpty();
    }

    @Override
    public void playAsGeneric(VendorProfileScriptsTest fleet) throws Exception {
      fleet.provider(VendorProfile.GENERIC, provider -> provider.matchingOn("externalId", null));
      fleet.groupOfSyncedUsers("g1", 3);
      fleet.stores.directory().putUser(aUser("u9").named("Grace Hopper").build());

      fleet.sync(ObjectType.GROUP, "g1");
      fleet.sync(ObjectType.USER, "u9");

      assertThat(fleet.sent(patchRequestedFor(urlPathEqualTo(BASE + "/Groups/GG-1")))).hasSize(1);
      assertThat(fleet.state(ObjectType.GROUP, "g1").lastError()).contains("400");
      assertThat(fleet.state(ObjectType.USER, "u9").lastError()).contains("400");
    }

    @Override
    public String toString() {
      return profile().wireName();
    }
  }

  // ---------------------------------------------------------------- generic: an RFC 7644 target

  /**
   * A target that announces ETags and no PATCH: users are replaced by PUT with their id and
   * If-Match; a provider's own switches (etag off, userUpdate patch) override what discovery says.
   */
  static final class Generic implements Script {
    @Override
    public VendorProfile profile() {
      return VendorProfile.GENERIC;
    }

    @Override
    public void stub() {
      config(
          "/ServiceProviderConfig",
          """
          {"patch":{"supported":false},"bulk":{"supported":false},"filter":{"supported":true,"maxResults":100},
           "etag":{"supported":true}}""");
      target.stubFor(
          put(urlPathEqualTo(BASE + "/Users/R-1"))
              .willReturn(
                  scim(
                      200,
                      "{\"id\":\"R-1\",\"userName\":\"u1\",\"meta\":{\"version\":\"W/\\\"2\\\"\"}}")));
      target.stubFor(
          patch(urlPathEqualTo(BASE + "/Users/R-1")).willReturn(aResponse().withStatus(204)));
    }

    @Override
    public void playWithProfile(VendorProfileScriptsTest fleet) throws Exception {
      fleet.provider(VendorProfile.GENERIC, UnaryOperator.identity());
      fleet.stores.directory().putUser(aUser("u1").named("Ada Lovelace").build());
      fleet.staleUser("u1");

      fleet.sync(ObjectType.USER, "u1");

      LoggedRequest replaced =
          fleet.sent(putRequestedFor(urlPathEqualTo(BASE + "/Users/R-1"))).get(0);
      assertThat(body(replaced).path("id").asText()).isEqualTo("R-1");
      assertThat(body(replaced).path("userName").asText()).isEqualTo("ada.lovelace");
      assertThat(replaced.getHeader("If-Match")).isEqualTo("W/\"1\"");
      assertThat(fleet.state(ObjectType.USER, "u1").version()).isEqualTo("W/\"2\"");

      fleet.provider(VendorProfile.GENERIC, provider -> provider.withETags(FeatureUse.OFF));
      fleet.staleUser("u1");
      fleet.sync(ObjectType.USER, "u1");

      LoggedRequest withoutETag =
          fleet.sent(putRequestedFor(urlPathEqualTo(BASE + "/Users/R-1"))).get(1);
      assertThat(withoutETag.containsHeader("If-Match")).isFalse();

      fleet.provider(VendorProfile.GENERIC, provider -> provider.updatingUsersBy(UserUpdate.PATCH));
      fleet.staleUser("u1");
      fleet.sync(ObjectType.USER, "u1");

      assertThat(fleet.sent(patchRequestedFor(urlPathEqualTo(BASE + "/Users/R-1")))).hasSize(1);
      assertThat(fleet.sent(putRequestedFor(urlPathEqualTo(BASE + "/Users/R-1")))).hasSize(2);
    }

    @Override
    public void playAsGeneric(VendorProfileScriptsTest fleet) {
      throw new UnsupportedOperationException("generic is the baseline");
    }

    @Override
    public String toString() {
      return profile().wireName();
    }
  }

  // ---------------------------------------------------------------- the fleet's side

  private void provider(VendorProfile profile, UnaryOperator<ProviderBuilder> settings) {
    stores
        .providers()
        .put(
            settings
                .apply(aProvider("crm").at(target.baseUrl() + BASE).withProfile(profile))
                .build());
  }

  /**
   * Runs the object's sync job; a failure the job throws (to be retried later) is returned, not
   * thrown.
   */
  private Throwable sync(ObjectType type, String id) {
    try {
      SyncObjectHandler handler =
          SyncObjectHandler.class.cast(worker.handlers().get(SyncObjectHandler.class));
      handler.run(new SyncObjectRequest("crm", type, id, null));
      return null;
    } catch (Exception failure) {
      return failure;
    }
  }

  /** A group of {@code size} users that are on the target already (remote ids R-1…). */
  private void groupOfSyncedUsers(String groupId, int size) {
    List<String> members = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      stores.directory().putUser(aUser("m" + i).named("Member " + i).build());
      stores
          .syncState()
          .put(aSyncState("crm", ObjectType.USER, "m" + i).createdAs("R-" + i).build());
      members.add("m" + i);
    }
    stores.directory().putGroup(aGroup(groupId).named(groupId).build(), members);
  }

  /** The user was sent before, as version W/"1", with a payload that differs from today's. */
  private void staleUser(String id) {
    stores
        .syncState()
        .put(
            aSyncState("crm", ObjectType.USER, id)
                .createdAs("R-1")
                .withVersion("W/\"1\"")
                .withPayloadHash("stale")
                .build());
  }

  private ObjectSyncState state(ObjectType type, String id) {
    return stores.syncState().get("crm", type, id).orElseThrow();
  }

  private List<LoggedRequest> sent(RequestPatternBuilder pattern) {
    return target.findAll(pattern);
  }

  private static void config(String path, String body) {
    target.stubFor(get(urlPathEqualTo(BASE + path)).willReturn(scim(200, body)));
  }

  private static JsonNode body(LoggedRequest request) {
    try {
      return JSON.readTree(request.getBodyAsString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ResponseDefinitionBuilder scim(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/scim+json")
        .withBody(body);
  }

  private static ResponseDefinitionBuilder scimError(int status, String detail) {
    return scim(
        status,
        "{\"schemas\":[\""
            + ERROR
            + "\"],\"status\":\""
            + status
            + "\",\"detail\":\""
            + detail
            + "\"}");
  }

  /**
   * AWS's error shape: {@code schema} (singular), status as text, a request id and a time stamp.
   */
  private static ResponseDefinitionBuilder awsError(int status, String detail) {
    return scim(
        status,
        "{\"schema\":[\""
            + ERROR
            + "\"],\"status\":\""
            + status
            + "\",\"detail\":\""
            + detail
            + "\",\"exceptionRequestId\":\"7f2c0e1a\",\"timeStamp\":\"2025-01-01 00:00:00.000\"}");
  }
}
