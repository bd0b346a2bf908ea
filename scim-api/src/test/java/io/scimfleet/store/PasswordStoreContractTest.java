package io.scimfleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sealed passwords on their way, for every {@link PasswordStore}. Time is the system's: TTLs are
 * Redis's own.
 */
public abstract class PasswordStoreContractTest {
  private static final Duration DAY = Duration.ofHours(24);
  protected PasswordStore passwords;

  protected abstract PasswordStore newPasswordStore();

  @BeforeEach
  void createStore() {
    passwords = newPasswordStore();
  }

  @Test
  public void aStoredPasswordIsPendingForEveryProviderUntilItIsDoneWithIt() {
    String change = passwords.put("u1", "sealed:v1:k:abc", DAY);

    assertThat(passwords.pending("u1", "slack"))
        .contains(new PasswordStore.Pending(change, "sealed:v1:k:abc"));
    passwords.done("u1", change, "slack");

    assertThat(passwords.pending("u1", "slack")).isEmpty();
    assertThat(passwords.pending("u1", "zoom")).isPresent();
    assertThat(passwords.pending("u2", "slack")).isEmpty();
  }

  @Test
  public void aPageOfUsersAsksWhichHaveAPasswordWaitingForTheProviderAtOnce() {
    String change = passwords.put("u1", "sealed:v1:k:abc", DAY);
    passwords.put("u2", "sealed:v1:k:def", DAY);
    passwords.done("u1", change, "slack");

    assertThat(passwords.waiting(List.of("u1", "u2", "u3"), "slack")).containsExactly("u2");
    assertThat(passwords.waiting(List.of("u1", "u2", "u3"), "zoom"))
        .containsExactlyInAnyOrder("u1", "u2");
    assertThat(passwords.waiting(List.of(), "zoom")).isEmpty();
  }

  @Test
  public void itIsDeletedOnceEveryProviderThatWantsItIsDone() {
    String change = passwords.put("u1", "sealed:v1:k:abc", DAY);
    passwords.expect("u1", Set.of("slack", "zoom"));

    passwords.done("u1", change, "slack");
    assertThat(passwords.pending("u1", "zoom")).isPresent();
    passwords.done("u1", change, "zoom");

    assertThat(passwords.pending("u1", "other")).isEmpty();
    assertThat(passwords.dropExpired(Instant.now().plus(DAY.multipliedBy(2)), 10)).isEmpty();
  }

  @Test
  public void providersDoneBeforeTheWantedOnesWereKnownCount() {
    String change = passwords.put("u1", "sealed:v1:k:abc", DAY);
    passwords.done("u1", change, "slack");

    passwords.expect("u1", Set.of("slack"));

    assertThat(passwords.pending("u1", "other")).isEmpty();
  }

  @Test
  public void aPasswordNobodyWantsIsDeletedAtOnce() {
    passwords.put("u1", "sealed:v1:k:abc", DAY);

    passwords.expect("u1", Set.of());

    assertThat(passwords.pending("u1", "slack")).isEmpty();
  }

  @Test
  public void aNewPasswordReplacesTheUndeliveredOneAndTheOldChangeNoLongerCounts() {
    String first = passwords.put("u1", "sealed:v1:k:first", DAY);
    String second = passwords.put("u1", "sealed:v1:k:second", DAY);
    passwords.expect("u1", Set.of("slack"));

    passwords.done("u1", first, "slack");

    assertThat(second).isNotEqualTo(first);
    assertThat(passwords.pending("u1", "slack"))
        .contains(new PasswordStore.Pending(second, "sealed:v1:k:second"));
  }

  @Test
  public void aPasswordWhoseTimeIsUpIsGoneAndItsDropSaysWhoNeverGotIt() {
    String change = passwords.put("u1", "sealed:v1:k:abc", Duration.ofMillis(300));
    passwords.expect("u1", Set.of("slack", "zoom"));
    passwords.done("u1", change, "slack");

    await().atMost(Duration.ofSeconds(30)).until(() -> passwords.pending("u1", "zoom").isEmpty());

    assertThat(passwords.dropExpired(Instant.now(), 10))
        .containsExactly(new PasswordStore.Dropped("u1", Set.of("zoom")));
    assertThat(passwords.dropExpired(Instant.now(), 10)).isEmpty();
  }

  @Test
  public void aPasswordNotYetDueIsNotDropped() {
    passwords.put("u1", "sealed:v1:k:abc", DAY);

    assertThat(passwords.dropExpired(Instant.now(), 10)).isEmpty();
    assertThat(passwords.pending("u1", "slack")).isPresent();
  }
}
