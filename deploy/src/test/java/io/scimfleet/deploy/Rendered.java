package io.scimfleet.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.StreamSupport;

/** The objects of one `helm template`, parsed. */
record Rendered(List<JsonNode> objects) {

  List<JsonNode> all(String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  boolean has(String kind) {
    return !all(kind).isEmpty();
  }

  JsonNode get(String kind, String name) {
    return all(kind).stream()
        .filter(o -> name.equals(o.path("metadata").path("name").asText()))
        .findFirst()
        .orElseThrow(
            () -> new NoSuchElementException("no " + kind + " " + name + " in " + names()));
  }

  /** The one container of a Deployment or StatefulSet. */
  JsonNode container(String kind, String name) {
    return get(kind, name).path("spec").path("template").path("spec").path("containers").get(0);
  }

  JsonNode podSpec(String kind, String name) {
    return get(kind, name).path("spec").path("template").path("spec");
  }

  String env(String kind, String name, String variable) {
    return StreamSupport.stream(container(kind, name).path("env").spliterator(), false)
        .filter(e -> variable.equals(e.path("name").asText()))
        .findFirst()
        .map(e -> e.has("value") ? e.path("value").asText() : e.path("valueFrom").toString())
        .orElseThrow(
            () -> new NoSuchElementException("no env " + variable + " in " + kind + " " + name));
  }

  List<String> names() {
    return objects.stream()
        .map(o -> o.path("kind").asText() + "/" + o.path("metadata").path("name").asText())
        .toList();
  }
}
