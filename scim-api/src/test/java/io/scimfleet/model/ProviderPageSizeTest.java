package io.scimfleet.model;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A provider's full-sync page size: above 100 only as far as the target's Bulk allows. */
class ProviderPageSizeTest {
  @Test
  void theDefaultIsAHundredWhateverTheTargetTakes() {
    Provider provider = aProvider("crm").build();

    assertThat(provider.pageSize()).isEqualTo(100);
    assertThat(provider.pageSize(0)).isEqualTo(100);
    assertThat(provider.pageSize(1000)).isEqualTo(100);
  }

  @Test
  void smallerPagesAlwaysApply() {
    assertThat(aProvider("crm").withPageSize(20).build().pageSize(0)).isEqualTo(20);
  }

  @Test
  void biggerPagesGoUpToTheBulkMaxOperationsAndNeverBelowAHundred() {
    Provider provider = aProvider("crm").withPageSize(500).build();

    assertThat(provider.pageSize(1000)).isEqualTo(500);
    assertThat(provider.pageSize(300)).isEqualTo(300);
    assertThat(provider.pageSize(50)).as("a target taking 50 per Bulk request").isEqualTo(100);
    assertThat(provider.pageSize(0)).as("no Bulk").isEqualTo(100);
  }
}
