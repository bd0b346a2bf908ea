package io.scimfleet.scim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {
  private static ByteArrayEntity body(int bytes) {
    return new ByteArrayEntity(
        "x".repeat(bytes).getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON);
  }

  @Test
  void aBodyIsReadWholeAndItsBytesAreGivenBackToTheProcessBudget() throws IOException {
    ResponseBudget budget = new ResponseBudget(4L << 20, Duration.ofMillis(100));
    int before = budget.available();

    assertThat(BoundedBody.read(body(300_000), 200, 1 << 20, budget)).hasSize(300_000);
    assertThat(budget.available()).isEqualTo(before);
  }

  @Test
  void whenOtherReadsHoldTheBudgetABodyFailsAsATransportErrorInsteadOfFillingTheHeap()
      throws IOException {
    ResponseBudget budget = new ResponseBudget(1L << 20, Duration.ofMillis(100));
    int held = budget.take(900 * 1024); // other threads' bodies in flight

    assertThatThrownBy(() -> BoundedBody.read(body(300_000), 200, 4 << 20, budget))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("too many large response bodies in flight");
    budget.giveBack(held);
    assertThat(BoundedBody.read(body(300_000), 200, 4 << 20, budget)).hasSize(300_000);
    assertThat(budget.available()).isEqualTo(1024);
  }

  @Test
  void aBodyOverTheLimitIsRefusedAndGivesItsBytesBack() {
    ResponseBudget budget = new ResponseBudget(4L << 20, Duration.ofMillis(100));

    assertThatThrownBy(() -> BoundedBody.read(body(2048), 200, 1024, budget))
        .isInstanceOf(BoundedBody.TooLarge.class);
    assertThat(budget.available()).isEqualTo(4096);
  }
}
