package com.marketplace.disputes.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/**
 * Flow-node coverage per process across all test classes. The coverage library writes one report
 * per test class; this joins them (run by the build after the tests) and prints, per process, how
 * many flow nodes some test reached and which none did. Written to
 * target/process-test-coverage/summary.md as well.
 *
 * <p>Arguments: the reports' directory, the floor in percent, and the processes it holds for.
 * Below the floor, or with no report of such a process, it fails, and with it the build: every
 * flow node of those processes must be reached by some process test.
 */
public final class ProcessCoverageSummary {

  private ProcessCoverageSummary() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "target/process-test-coverage");
    double floor = args.length > 1 ? Double.parseDouble(args[1]) : 0;
    List<String> required = args.length > 2 ? List.of(args[2].split(",")) : List.of();
    if (!Files.isDirectory(root)) {
      System.out.println("No process test coverage reports under " + root);
      return;
    }
    ObjectMapper json = new ObjectMapper();
    Map<String, Set<String>> nodes = new TreeMap<>();
    Map<String, Set<String>> reached = new TreeMap<>();
    List<Path> reports;
    try (Stream<Path> files = Files.walk(root)) {
      reports = files.filter(p -> p.getFileName().toString().equals("report.json")).toList();
    }
    for (Path report : reports) {
      JsonNode tree = json.readTree(report.toFile());
      for (JsonNode model : tree.path("models")) {
        String key = model.path("key").asText();
        Set<String> ids = nodes.computeIfAbsent(key, k -> new TreeSet<>());
        Bpmn.readModelFromStream(new ByteArrayInputStream(
                model.path("xml").asText().getBytes(StandardCharsets.UTF_8)))
            .getModelElementsByType(FlowNode.class).forEach(node -> ids.add(node.getId()));
      }
      for (JsonNode suite : tree.path("suites")) {
        for (JsonNode run : suite.path("runs")) {
          for (JsonNode event : run.path("events")) {
            if ("FLOW_NODE".equals(event.path("source").asText())) {
              reached.computeIfAbsent(event.path("modelKey").asText(), k -> new TreeSet<>())
                  .add(event.path("definitionKey").asText());
            }
          }
        }
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add("| process | flow nodes | reached | coverage | not reached |");
    lines.add("|---|---|---|---|---|");
    nodes.forEach((process, ids) -> {
      Set<String> missing = new TreeSet<>(ids);
      missing.removeAll(reached.getOrDefault(process, Set.of()));
      int hit = ids.size() - missing.size();
      lines.add(String.format("| %s | %d | %d | %.1f%% | %s |", process, ids.size(), hit,
          100.0 * hit / ids.size(), missing.isEmpty() ? "-" : String.join(", ", missing)));
    });
    Files.write(root.resolve("summary.md"), lines);
    System.out.println("Flow-node coverage per process (" + reports.size() + " test classes):");
    lines.forEach(System.out::println);

    List<String> below = new ArrayList<>();
    for (String process : required) {
      Set<String> ids = nodes.getOrDefault(process, Set.of());
      long hit = ids.stream().filter(reached.getOrDefault(process, Set.of())::contains).count();
      if (ids.isEmpty() || 100.0 * hit / ids.size() < floor) {
        below.add(process + (ids.isEmpty() ? " (no report)"
            : " (" + hit + " of " + ids.size() + " flow nodes)"));
      }
    }
    if (!below.isEmpty()) {
      throw new IllegalStateException(String.format("Flow-node coverage below %.0f%%: %s", floor,
          String.join(", ", below)));
    }
  }
}
