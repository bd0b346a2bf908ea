package io.scimfleet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvNumbersTest {
  @Test
  void anUnsetOrBlankVariableGivesTheFallbackAndASetOneItsValue() {
    assertThat(EnvNumbers.wholeNumber(Map.of(), "SCIM_X", 7)).isEqualTo(7);
    assertThat(EnvNumbers.wholeNumber(Map.of("SCIM_X", " "), "SCIM_X", 7)).isEqualTo(7);
    assertThat(EnvNumbers.wholeNumber(Map.of("SCIM_X", " 12 "), "SCIM_X", 7)).isEqualTo(12);
  }

  @Test
  void aValueThatIsNoWholeNumberOrDoesNotFitIsRefusedByName() {
    assertThatThrownBy(() -> EnvNumbers.wholeNumber(Map.of("SCIM_X", "ten"), "SCIM_X", 7))
        .hasMessage("SCIM_X must be a whole number, not 'ten'");
    assertThatThrownBy(() -> EnvNumbers.wholeInt(Map.of("SCIM_X", "9999999999"), "SCIM_X", 7))
        .hasMessage("SCIM_X is out of range: 9999999999");
  }
}
