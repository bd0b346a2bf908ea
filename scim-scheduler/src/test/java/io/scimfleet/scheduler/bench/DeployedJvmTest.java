package io.scimfleet.scheduler.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeployedJvmTest {
  @Test
  void readsTheOptionsOfTheDockerfilesToolOptions() {
    assertThat(
            DeployedJvm.of(
                "FROM x\nENV JAVA_TOOL_OPTIONS=\"-XX:A=1  -XX:+B\" \\\n    SCIM_PROCESS=worker\n"))
        .containsExactly("-XX:A=1", "-XX:+B");
  }

  @Test
  void aDockerfileWithoutToolOptionsIsAnError() {
    assertThatThrownBy(() -> DeployedJvm.of("FROM x\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("JAVA_TOOL_OPTIONS");
  }

  @Test
  void theRepositorysDockerfileRunsTheJitsFirstTierOnly() throws Exception {
    Path dockerfile = Path.of("..").resolve(DeployedJvm.DOCKERFILE);
    assertThat(DeployedJvm.of(Files.readString(dockerfile))).contains("-XX:TieredStopAtLevel=1");
  }

  @Test
  void readsEachComponentsMemoryLimitFromTheChartsValues() {
    String values =
        """
        scheduler:
          resources:
            limits: {memory: 768Mi}
        workers:
          resources:
            limits:
              memory: 2Gi
        """;
    assertThat(DeployedJvm.memoryLimitMebibytes(values, DeployedJvm.Component.SCHEDULER))
        .isEqualTo(768);
    assertThat(DeployedJvm.memoryLimitMebibytes(values, DeployedJvm.Component.WORKER))
        .isEqualTo(2048);
  }

  @Test
  void aMemoryLimitThatIsNoSizeIsAnError() {
    assertThatThrownBy(
            () ->
                DeployedJvm.memoryLimitMebibytes(
                    "workers:\n  resources: {}\n", DeployedJvm.Component.WORKER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("workers.resources.limits.memory");
  }

  @Test
  void theRepositorysChartLimitsTheSchedulerAndTheWorkers() throws Exception {
    String values = Files.readString(Path.of("..").resolve(DeployedJvm.CHART_VALUES));
    for (DeployedJvm.Component component : DeployedJvm.Component.values())
      assertThat(DeployedJvm.memoryLimitMebibytes(values, component)).isBetween(256L, 65_536L);
  }

  @Test
  void aContainerUnderServerClassMemoryRunsTheSerialCollectorAsTheJvmWouldPickThere() {
    assertThat(DeployedJvm.inContainer(List.of("-XX:A=1"), 768))
        .containsExactly("-XX:A=1", "-XX:MaxRAM=768m", "-XX:+UseSerialGC");
    assertThat(DeployedJvm.inContainer(List.of("-XX:A=1"), 2048))
        .as("a server class container: the JVM's own pick (G1)")
        .containsExactly("-XX:A=1", "-XX:MaxRAM=2048m");
    assertThat(DeployedJvm.inContainer(List.of("-XX:+UseParallelGC"), 768))
        .as("a collector the image names")
        .containsExactly("-XX:+UseParallelGC", "-XX:MaxRAM=768m");
  }
}
