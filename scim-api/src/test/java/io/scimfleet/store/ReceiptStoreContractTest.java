package io.scimfleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimfleet.model.Receipt;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.model.UserReceipts;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deprovisioning receipts, for every {@link ReceiptStore}. */
public abstract class ReceiptStoreContractTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final Duration LONG = Duration.ofDays(90);

  /** A store whose deleted users' receipts expire after {@code retention}, on the real clock. */
  protected abstract ReceiptStore newReceiptStore(Duration retention);

  @Test
  public void aUserWithoutReceiptsHasNone() {
    ReceiptStore store = newReceiptStore(LONG);

    assertThat(store.of("u1")).isEmpty();
    assertThat(store.get("u1", "slack")).isEmpty();
  }

  @Test
  public void eachProvidersReceiptIsKeptAndReadBackInProviderOrder() {
    ReceiptStore store = newReceiptStore(LONG);
    Receipt slack = created("slack", "s-1");
    Receipt github = created("github", "g-1");

    store.put("u1", slack);
    store.put("u1", github);

    assertThat(store.get("u1", "slack")).contains(slack);
    assertThat(store.of("u1")).contains(new UserReceipts("u1", null, List.of(github, slack)));
  }

  @Test
  public void aPagesReceiptsAreWrittenAndReadTogetherPerProvider() {
    ReceiptStore store = newReceiptStore(LONG);
    store.put("u1", created("github", "g-1"));
    Map<String, Receipt> page = new LinkedHashMap<>();
    page.put("u1", created("slack", "s-1"));
    page.put("u2", created("slack", "s-2"));

    store.putAll(page);
    store.putAll(Map.of());

    assertThat(store.getAll("slack", List.of("u1", "u2", "u3"))).isEqualTo(page);
    assertThat(store.getAll("github", List.of("u1", "u2")))
        .isEqualTo(Map.of("u1", created("github", "g-1")));
    assertThat(store.getAll("slack", List.of())).isEmpty();
    assertThat(store.of("u2"))
        .contains(new UserReceipts("u2", null, List.of(created("slack", "s-2"))));
    assertThat(store.page(null, 10).items()).extracting(UserReceipts::userId).contains("u1", "u2");
  }

  @Test
  public void aNewReceiptReplacesTheProvidersOldOne() {
    ReceiptStore store = newReceiptStore(LONG);
    Receipt created = created("slack", "s-1");
    Receipt deleted =
        Receipt.after(created, "slack", SyncOutcome.DELETED, null, T0.plusSeconds(60), null);

    store.put("u1", created);
    store.put("u1", deleted);

    assertThat(store.get("u1", "slack")).contains(deleted);
    assertThat(deleted.removedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(deleted.remoteId()).isEqualTo("s-1");
  }

  @Test
  public void aDeletedUsersReceiptsStayAndSayWhenItLeftTheDirectory() {
    ReceiptStore store = newReceiptStore(LONG);
    store.put("u1", created("slack", "s-1"));

    store.userDeleted("u1", T0.plusSeconds(5));

    assertThat(store.of("u1"))
        .get()
        .extracting(UserReceipts::deletedAt)
        .isEqualTo(T0.plusSeconds(5));
    assertThat(store.of("u1").get().receipts()).containsExactly(created("slack", "s-1"));
  }

  @Test
  public void aDeletedUsersReceiptsExpireAfterTheRetention() {
    ReceiptStore store = newReceiptStore(Duration.ofMillis(300));
    store.put("u1", created("slack", "s-1"));
    store.put("u2", created("slack", "s-2"));

    store.userDeleted("u1", T0);

    await().atMost(Duration.ofSeconds(10)).until(() -> store.of("u1").isEmpty());
    assertThat(store.of("u2")).isPresent();
    assertThat(all(store, 10)).extracting(UserReceipts::userId).containsExactly("u2");
  }

  @Test
  public void everyUsersReceiptsArePagedByUserId() {
    ReceiptStore store = newReceiptStore(LONG);
    for (String id : List.of("u3", "u1", "u5", "u2", "u4")) store.put(id, created("slack", id));

    Page<UserReceipts> first = store.page(null, 2);

    assertThat(first.items()).extracting(UserReceipts::userId).containsExactly("u1", "u2");
    assertThat(all(store, 2))
        .extracting(UserReceipts::userId)
        .containsExactly("u1", "u2", "u3", "u4", "u5");
  }

  private static List<UserReceipts> all(ReceiptStore store, int pageSize) {
    List<UserReceipts> all = new ArrayList<>();
    String cursor = null;
    do {
      Page<UserReceipts> page = store.page(cursor, pageSize);
      all.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    return all;
  }

  private static Receipt created(String provider, String remoteId) {
    return Receipt.after(
        null, provider, SyncOutcome.CREATED, remoteId, T0.truncatedTo(ChronoUnit.MILLIS), null);
  }
}
