package io.scimfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

  @Test
  void metricNamesSkipFunctionsLabelsRangesAndGroupings() {
    assertThat(
            PromQl.metricNames(
                "histogram_quantile(0.95, sum by (le, provider) (rate(scim_requests_seconds_bucket{provider=~\"$provider\"}[$__rate_interval])))"))
        .containsExactly("scim_requests_seconds_bucket");
    assertThat(
            PromQl.metricNames(
                "max(jobrunr_jobs_enqueued) > 0 and on() ((sum(up{job=~\".*worker.*\"}) or on() vector(0)) == 0)"))
        .containsExactly("jobrunr_jobs_enqueued", "up");
  }

  @Test
  void aSumOfJobRunrGaugesIsCaught() {
    assertThat(PromQl.jobStateGaugesAggregatedWithMax("max(jobrunr_jobs_enqueued)")).isTrue();
    assertThat(PromQl.jobStateGaugesAggregatedWithMax("max(deriv(jobrunr_jobs_enqueued[15m]))"))
        .isTrue();
    assertThat(PromQl.jobStateGaugesAggregatedWithMax("sum(jobrunr_jobs_enqueued)")).isFalse();
    assertThat(PromQl.jobStateGaugesAggregatedWithMax("jobrunr_jobs_enqueued > 5")).isFalse();
    assertThat(PromQl.isKnown("scim_made_up_total")).isFalse();
  }
}
