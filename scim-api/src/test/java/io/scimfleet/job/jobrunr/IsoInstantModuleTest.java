package io.scimfleet.job.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Job timestamps are written and read exactly as {@link Instant#toString} and parse do. */
class IsoInstantModuleTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1970-01-01T00:00:00Z",
        "2026-12-06T17:46:23.346568801Z",
        "2026-12-06T17:46:23.781771Z",
        "2026-12-06T17:46:23.783Z",
        "2026-12-06T17:46:23.000000001Z",
        "2024-02-29T23:59:59.999999999Z",
        "9999-12-31T23:59:59Z",
        "1969-12-31T23:59:59.5Z",
        "+10000-01-01T00:00:00Z",
        "0001-01-01T00:00:00Z"
      })
  void writesWhatInstantWrites(String text) {
    Instant instant = Instant.parse(text);
    assertThat(IsoInstantModule.format(instant)).isEqualTo(instant.toString());
    assertThat(IsoInstantModule.parse(instant.toString())).isEqualTo(instant);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-12-06T17:46:23.5Z",
        "2026-12-06T17:46:23.12Z",
        "2026-12-06T17:46:23.1234Z",
        "2026-12-06T17:46:23.12345678Z",
        "2026-12-06T23:59:60Z",
        "2026-12-06T24:00:00Z",
        "2026-12-06T17:46:23.Z",
        "2026-12-06T17:46:23+01:00"
      })
  void readsWhatInstantReads(String text) {
    assertThat(IsoInstantModule.parse(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-12-06T17:46:23.1234567890Z",
        "2026-12-06 17:46:23Z",
        "2026-12-06T17:46:2xZ",
        "yesterday"
      })
  void refusesWhatInstantRefuses(String text) {
    assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> IsoInstantModule.parse(text)).isInstanceOf(DateTimeException.class);
  }

  @Test
  void randomInstantsRoundTripAsInstantDoes() {
    SplittableRandom random = new SplittableRandom(26);
    for (int i = 0; i < 100_000; i++) {
      long seconds = random.nextLong(0, 253_402_300_800L); // 1970 up to 9999
      int nanos =
          random.nextInt(4) == 0 ? random.nextInt(1000) * 1_000_000 : random.nextInt(1_000_000_000);
      Instant instant = Instant.ofEpochSecond(seconds, nanos);
      assertThat(IsoInstantModule.format(instant)).isEqualTo(instant.toString());
      assertThat(IsoInstantModule.parse(instant.toString())).isEqualTo(instant);
    }
  }
}
