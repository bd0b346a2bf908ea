package io.scimfleet.store;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.model.Credential;
import io.scimfleet.model.FeatureUse;
import io.scimfleet.model.Provider;
import io.scimfleet.model.RequiredAttributes;
import io.scimfleet.model.UserUpdate;
import io.scimfleet.model.VendorProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ProviderStore} does. */
public abstract class ProviderStoreContractTest {
  protected ProviderStore store;

  protected abstract ProviderStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  public void providerRoundTripsWithEverySetting() {
    Provider slack =
        aProvider("slack")
            .at("https://api.slack.com/scim/v2")
            .withTokenFile("/run/secrets/slack/token")
            .deactivatingInsteadOfDeleting()
            .withDeletionThreshold(10)
            .withUserMapping("10-name", "{ \"userName\": username }")
            .withUserMapping("20-mail", "{ \"emails\": [] }")
            .withGroupMapping("10-group", "{ \"displayName\": name }")
            .withUserFilter("active = true")
            .withGroupFilter("$contains(name, 'eng')")
            .fullSyncAt("*/30 * * * *")
            .dryRun()
            .limitedTo(4, 600)
            .withDeletionWindow(java.time.Duration.ofMinutes(90))
            .matchingOn("emails.primary", "externalId")
            .adoptingExisting()
            .disabled()
            .build();

    store.put(slack);

    assertThat(store.get("slack"))
        .hasValueSatisfying(
            read -> {
              assertThat(read).usingRecursiveComparison().isEqualTo(slack);
              assertThat(read)
                  .isEqualTo(slack); // the worker rebuilds a provider's client when it is not equal
              assertThat(read.credential().describe()).isEqualTo("file:/run/secrets/slack/token");
            });
  }

  @Test
  public void aVendorProfileAndTheSwitchesSetOnTheProviderRoundTrip() {
    Provider aws =
        aProvider("aws")
            .withProfile(VendorProfile.AWS_IDENTITY_CENTER)
            .updatingUsersBy(UserUpdate.PUT)
            .withMemberPatchChunk(50)
            .filteringOn("userName", "externalId")
            .groupsReturnMembers(true)
            .requiring(RequiredAttributes.users("externalId").andGroups("displayName"))
            .withETags(FeatureUse.OFF)
            .withPasswordChange(FeatureUse.OFF)
            .build();

    store.put(aws);

    Provider read = store.get("aws").orElseThrow();
    assertThat(read).isEqualTo(aws);
    assertThat(read.switches()).isEqualTo(aws.switches());
    assertThat(read.switches().memberPatchChunk()).isEqualTo(50);
  }

  @Test
  public void inlineAndEnvironmentCredentialsRoundTrip() {
    Provider a = aProvider("a").withCredential(Credential.inline("s3cret")).build();
    store.put(a);
    store.put(aProvider("b").withCredential(Credential.fromEnv("B_TOKEN")).build());

    assertThat(store.get("a").orElseThrow().credential()).isEqualTo(a.credential());
    assertThat(store.get("b").orElseThrow().credential()).isEqualTo(Credential.fromEnv("B_TOKEN"));
  }

  @Test
  public void replaceWritesOnlyWhenTheProviderIsStillAsRead() {
    Provider read = aProvider("slack").build();
    store.put(read);
    Provider savedMeanwhile = aProvider("slack").at("https://new.example.org/scim/v2").build();
    store.put(savedMeanwhile);

    assertThat(store.replace(read, aProvider("slack").disabled().build())).isFalse();
    assertThat(store.get("slack")).contains(savedMeanwhile);

    Provider replacement = aProvider("slack").disabled().build();
    assertThat(store.replace(savedMeanwhile, replacement)).isTrue();
    assertThat(store.get("slack")).contains(replacement);
    store.delete("slack");
    assertThat(store.replace(replacement, savedMeanwhile)).isFalse();
    assertThat(store.get("slack")).isEmpty();
  }

  @Test
  public void listIsOrderedByName() {
    store.put(aProvider("zoom").build());
    store.put(aProvider("aws").build());
    store.put(aProvider("github").build());

    assertThat(store.list()).extracting(Provider::name).containsExactly("aws", "github", "zoom");
  }

  @Test
  public void putReplacesAndDeleteSaysWhetherItExisted() {
    store.put(aProvider("slack").build());
    store.put(aProvider("slack").disabled().build());

    assertThat(store.list())
        .singleElement()
        .satisfies(provider -> assertThat(provider.enabled()).isFalse());
    assertThat(store.delete("slack")).isTrue();
    assertThat(store.delete("slack")).isFalse();
    assertThat(store.get("slack")).isEmpty();
  }
}
