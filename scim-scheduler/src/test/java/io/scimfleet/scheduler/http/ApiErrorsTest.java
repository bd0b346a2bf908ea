package io.scimfleet.scheduler.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiErrorsTest {
  @Test
  void anExceptionWithoutAMessageIsNamedByItsClass() {
    assertThat(ApiErrors.message(new IllegalArgumentException()))
        .isEqualTo("IllegalArgumentException");
  }

  @Test
  void anExceptionWithAMessageIsAnsweredWithIt() {
    assertThat(ApiErrors.message(new IllegalArgumentException("limit must be positive")))
        .isEqualTo("limit must be positive");
  }
}
