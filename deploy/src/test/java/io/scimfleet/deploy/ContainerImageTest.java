package io.scimfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * What can be checked of the images without a Docker engine or a registry (neither is reachable
 * here): the Dockerfile's instructions, and the Jib configuration in the poms. Building the images
 * is not run.
 */
class ContainerImageTest {

  static final Set<String> INSTRUCTIONS =
      Set.of(
          "FROM",
          "ARG",
          "RUN",
          "WORKDIR",
          "COPY",
          "ADD",
          "ENV",
          "EXPOSE",
          "USER",
          "ENTRYPOINT",
          "CMD",
          "LABEL",
          "HEALTHCHECK",
          "STOPSIGNAL",
          "SHELL",
          "VOLUME",
          "ONBUILD");

  record Instruction(String keyword, String arguments) {}

  /** Instructions with continuation lines joined and comments dropped, as Docker reads them. */
  static List<Instruction> dockerfile() {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : RepoFiles.read(RepoFiles.DOCKERFILE).lines().toList()) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      current.append(trimmed);
      String[] parts = current.toString().split("\\s+", 2);
      instructions.add(
          new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
      current.setLength(0);
    }
    return instructions;
  }

  static List<String> arguments(String keyword) {
    return dockerfile().stream()
        .filter(i -> i.keyword().equals(keyword))
        .map(Instruction::arguments)
        .toList();
  }

  @Test
  void dockerfileHasOnlyKnownInstructionsAndStartsFromATemurin17Jre() {
    List<Instruction> instructions = dockerfile();
    assertThat(instructions).extracting(Instruction::keyword).allMatch(INSTRUCTIONS::contains);
    assertThat(
            instructions.stream()
                .filter(i -> !i.keyword().equals("ARG"))
                .findFirst()
                .orElseThrow()
                .keyword())
        .as("only ARG may precede the first FROM")
        .isEqualTo("FROM");
    assertThat(arguments("FROM")).hasSize(1);
    String from = arguments("FROM").get(0);
    if (from.startsWith("${")) {
      String arg = from.substring(2, from.indexOf('}'));
      from =
          arguments("ARG").stream()
              .filter(a -> a.startsWith(arg + "="))
              .findFirst()
              .orElseThrow()
              .substring(arg.length() + 1);
    }
    assertThat(from).matches("eclipse-temurin:17[.0-9_a-z-]*-jre.*|eclipse-temurin:17-jre.*");
  }

  @Test
  void processIsABuildArgumentAndSelectsTheShadedJar() {
    assertThat(arguments("ARG")).anyMatch(a -> a.matches("PROCESS(=.*)?"));
    assertThat(arguments("COPY"))
        .anyMatch(a -> a.contains("scim-${PROCESS}/target/scim-${PROCESS}.jar"));
    assertThat(arguments("RUN")).anyMatch(a -> a.contains("scheduler|worker"));
    for (String process : List.of("scheduler", "worker")) {
      assertThat(RepoFiles.read(RepoFiles.ROOT.resolve("scim-" + process + "/pom.xml")))
          .as("scim-%s builds target/scim-%s.jar", process, process)
          .contains(
              "<outputFile>${project.build.directory}/${project.artifactId}.jar</outputFile>");
    }
  }

  @Test
  void dockerfileRunsAsUid10001WithHeapFollowingTheContainer() {
    assertThat(arguments("USER")).last().asString().matches("10001(:10001)?");
    assertThat(arguments("RUN")).anyMatch(a -> a.contains("--uid 10001"));
    assertThat(arguments("ENV"))
        .anyMatch(
            a ->
                a.contains(
                    "JAVA_TOOL_OPTIONS=\"-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=10"
                        + " -XX:+ExitOnOutOfMemoryError"
                        + " -XX:TieredStopAtLevel=1\""));
    assertThat(arguments("ENTRYPOINT")).containsExactly("[\"java\", \"-jar\", \"/app/app.jar\"]");
    assertThat(Pattern.compile("\\bdocker\\b").matcher(String.join(" ", arguments("RUN"))).find())
        .isFalse();
  }

  @Test
  void theChartAndJibRunTheDockerfilesJvmOptions() throws Exception {
    String dockerfile = String.join(" ", arguments("ENV"));
    var options = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"").matcher(dockerfile);
    assertThat(options.find()).as("the Dockerfile sets JAVA_TOOL_OPTIONS").isTrue();
    var chart =
        Pattern.compile("(?m)^\\s*javaToolOptions: \"([^\"]*)\"")
            .matcher(RepoFiles.read(RepoFiles.ROOT.resolve("deploy/helm/scim-fleet/values.yaml")));
    assertThat(chart.find()).as("the chart's values set javaToolOptions").isTrue();
    assertThat(chart.group(1)).isEqualTo(options.group(1));
    String jib = "/project/build/pluginManagement/plugins/plugin[artifactId='jib-maven-plugin']";
    assertThat(
            String.join(
                " ", texts(xml("pom.xml"), jib + "/configuration/container/jvmFlags/jvmFlag")))
        .isEqualTo(options.group(1));
  }

  @Test
  void jibSharedConfigurationLivesInTheParentPluginManagement() throws Exception {
    Document parent = xml("pom.xml");
    String jib = "/project/build/pluginManagement/plugins/plugin[artifactId='jib-maven-plugin']";
    assertThat(text(parent, jib + "/version")).isEqualTo("${jib.version}");
    assertThat(text(parent, jib + "/configuration/from/image")).isEqualTo("eclipse-temurin:17-jre");
    assertThat(text(parent, jib + "/configuration/container/user")).isEqualTo("10001:10001");
    assertThat(text(parent, jib + "/configuration/container/mainClass")).isEqualTo("${main.class}");
    assertThat(texts(parent, jib + "/configuration/container/jvmFlags/jvmFlag"))
        .contains(
            "-XX:MaxRAMPercentage=75",
            "-XX:InitialRAMPercentage=10",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:TieredStopAtLevel=1");
    assertThat(count(parent, jib + "/executions")).as("no execution bound by default").isZero();
  }

  @ParameterizedTest
  @CsvSource({"scim-worker, 9090", "scim-scheduler, '8080,8000'"})
  void eachProcessModuleUsesJibWithItsPorts(String module, String ports) throws Exception {
    Document pom = xml(module + "/pom.xml");
    String jib = "/project/build/plugins/plugin[artifactId='jib-maven-plugin']";
    assertThat(count(pom, jib)).isEqualTo(1);
    assertThat(count(pom, jib + "/executions")).isZero();
    assertThat(text(pom, "/project/properties/jib.container.ports")).isEqualTo(ports);
    assertThat(text(pom, "/project/properties/main.class")).isNotBlank();
  }

  static Document xml(String path) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    try (var in = Files.newInputStream(RepoFiles.ROOT.resolve(path))) {
      return factory.newDocumentBuilder().parse(in);
    }
  }

  static String text(Document document, String xpath) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(xpath, document).strip();
  }

  static List<String> texts(Document document, String xpath) throws Exception {
    NodeList nodes =
        (NodeList)
            XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      values.add(nodes.item(i).getTextContent().strip());
    }
    return values;
  }

  static int count(Document document, String xpath) throws Exception {
    return ((NodeList)
            XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET))
        .getLength();
  }
}
