package com.marketplace.disputes.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Prometheus' text exposition format (version 0.0.4) strictly: every line must be a HELP
 * or TYPE comment or a sample with well-formed labels and a number, or parsing fails.
 */
final class PrometheusText {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern SAMPLE = Pattern.compile(
      "([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+-?\\d+)?");
  private static final Pattern LABEL = Pattern.compile(
      "([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\[\\\\\"n])*)\"(,|$)");
  private static final Set<String> TYPES =
      Set.of("counter", "gauge", "histogram", "summary", "untyped");

  /** One sample: metric name, labels sorted by name, value. */
  record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples = new ArrayList<>();
  private final Map<String, String> types = new TreeMap<>();

  static PrometheusText parse(String text) {
    PrometheusText parsed = new PrometheusText();
    int number = 0;
    for (String line : text.split("\n", -1)) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        String[] parts = line.substring(7).split(" ", 2);
        if (!NAME.matcher(parts[0]).matches()) {
          throw new IllegalArgumentException("line " + number + ": bad metric name: " + line);
        }
        if (line.startsWith("# TYPE ")) {
          if (parts.length < 2 || !TYPES.contains(parts[1].trim())) {
            throw new IllegalArgumentException("line " + number + ": bad type: " + line);
          }
          parsed.types.put(parts[0], parts[1].trim());
        }
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      if (!sample.matches()) {
        throw new IllegalArgumentException("line " + number + ": not a sample: " + line);
      }
      parsed.samples.add(new Sample(sample.group(1), labels(sample.group(2), line),
          value(sample.group(3), line)));
    }
    return parsed;
  }

  private static Map<String, String> labels(String text, String line) {
    Map<String, String> labels = new TreeMap<>();
    if (text == null || text.isEmpty()) {
      return labels;
    }
    Matcher label = LABEL.matcher(text);
    int at = 0;
    while (at < text.length()) {
      if (!label.find(at) || label.start() != at) {
        throw new IllegalArgumentException("bad labels: " + line);
      }
      labels.put(label.group(1), label.group(2).replace("\\n", "\n").replace("\\\"", "\"")
          .replace("\\\\", "\\"));
      at = label.end();
    }
    return labels;
  }

  private static double value(String text, String line) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> {
        try {
          yield Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("bad value: " + line, e);
        }
      }
    };
  }

  String type(String name) {
    return types.get(name);
  }

  /** The sum of the samples that carry at least these labels (name, value, ...); null if none. */
  Double value(String name, String... labelPairs) {
    Map<String, String> wanted = new TreeMap<>();
    for (int i = 0; i < labelPairs.length; i += 2) {
      wanted.put(labelPairs[i], labelPairs[i + 1]);
    }
    return samples.stream()
        .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(wanted.entrySet()))
        .map(Sample::value)
        .reduce(Double::sum)
        .orElse(null);
  }

  List<Sample> samples() {
    return samples;
  }
}
