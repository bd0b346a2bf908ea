package io.scimfleet.scheduler.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GoalTableTest {
  @Test
  void eachGoalStandsNextToItsValuePerTargetMetOrNot() {
    GoalTable table = new GoalTable();
    table.column("SCIM-SDK");
    table.put("full sync rate ÷ raw ceiling", "0.91");
    table.measured(Goal.RATIO, 0.91);
    table.measured(Goal.CPU_PER_OBJECT, 0.7);
    table.column("SCIMple");
    table.put("full sync rate ÷ raw ceiling", "0.40");
    table.measured(Goal.RATIO, 0.40);
    table.measured(Goal.CPU_PER_OBJECT, 0.5);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    table.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);

    assertThat(printed)
        .contains("| measure | SCIM-SDK | SCIMple |")
        .contains("| full sync rate ÷ raw ceiling | 0.91 | 0.40 |")
        .contains("| full sync rate ÷ raw create ceiling ≥ 0.85 | 0.91, met | 0.40, **not met** |")
        .contains(
            "| fleet CPU per object, warm forced full sync ≤ 0.50 ms | 0.70 ms, **not met** |"
                + " 0.50 ms, met |")
        .contains(
            "| jobs enqueued per 10,000 imported users ≤ 100 | not measured | not measured |");
  }

  @Test
  void targetsAreChosenByNameAndAnUnknownOneIsNamed() {
    assertThat(TargetKind.chosen(null)).containsExactly(TargetKind.SCIM_SDK, TargetKind.SCIMPLE);
    assertThat(TargetKind.chosen(" scimple , scim-sdk"))
        .containsExactly(TargetKind.SCIMPLE, TargetKind.SCIM_SDK);
    assertThatThrownBy(() -> TargetKind.chosen("scimple,okta"))
        .hasMessageContaining("unknown target 'okta'")
        .hasMessageContaining("scim-sdk, scimple");
  }
}
