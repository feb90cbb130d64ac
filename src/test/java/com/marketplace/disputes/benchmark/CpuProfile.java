package com.marketplace.disputes.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU of a benchmark run goes: reads a flight recording (see {@link DisputeBenchmark}
 * for how to make one), takes its Java execution samples and charges each to one component,
 * then prints a Markdown table with each component's CPU per write transaction and per dispute.
 *
 * <pre>
 *   CpuProfile target/benchmark/lifecycle.jfr [--flavor DISPUTES|BASELINE]
 *       [--from 2026-01-01T10:00:00Z --to 2026-01-01T10:05:00Z] [--threads regex]
 *       [--transactions N] [--disputes N] [--period-ms 10] [--top 10]
 * </pre>
 * By default it reads the counted rounds of ours, as the recording's {@link RoundEvent}s mark
 * them, with their transactions and disputes; {@code --from} and {@code --to} (or a recording
 * without rounds) take a window instead, and then the counts are arguments. The sampling period
 * is the recording's own setting for execution samples unless {@code --period-ms} is given.
 *
 * <p>Each sample goes to one component by its whole stack, in this order:
 * <ol>
 *   <li>The benchmark's own work: the code nearest the sampled frame (its leaf) that belongs to
 *       anyone is the benchmark's (its drivers, the SQL counting proxy, the signals). This comes
 *       first because that cost does not exist in production, wherever it happens.
 *   <li>Features whose whole subtree is their cost, by any frame of theirs anywhere in the stack:
 *       SMTP, then rendering, then authorization, then history. A query run to render a notice
 *       is rendering; the engine's insert of a grant is authorization.
 *   <li>Otherwise the nearest owner from the leaf: ours, the Spring event bridge, or the engine.
 *       Library frames between (JDK, Spring, MyBatis, the connection pool) and the database
 *       driver's frames are passed over, so H2 time under our JDBC is ours and H2 time under
 *       the engine's flush is the engine's. Engine code called by a delegate of ours is the
 *       engine's; the last column of the table says how much of each component ran below a
 *       frame of ours.
 *   <li>The database driver alone (its own threads), then everything else.
 * </ol>
 * What frames cannot tell: the engine writes its history rows when it flushes at the end of a
 * command, from a stack that names no history class, so "history" is making the history events
 * and the flush of their rows is in "engine"; likewise the authorization joins the engine adds to
 * its queries run in H2 under "engine". The history levels' own variants measure those.
 *
 * <p>A sample is a thread caught running Java code, so samples times the period is the CPU of
 * Java code only while threads do not wait for a core; the table's foot compares it with the
 * JVM's CPU from the recording's CPU load events (which include GC and the JIT compilers).
 */
public final class CpuProfile {

  /** Where a sample's CPU is charged, in the order the table lists them. */
  enum Component {
    ENGINE("engine"),
    HISTORY("history (making the events; their rows' flush is engine)"),
    AUTHORIZATION("authorization (grants and checks)"),
    EVENT_BRIDGE("Spring event bridge"),
    OURS("ours (our code and our tables)"),
    RENDERING("rendering notices"),
    SMTP("SMTP (mail client and the embedded server)"),
    DRIVER("database driver on its own threads"),
    BENCHMARK("the benchmark's own work (drivers, SQL counting, signals)"),
    OTHER("other (Spring, Tomcat, JDK, the recorder)");

    final String label;

    Component(String label) {
      this.label = label;
    }
  }

  /** The features charged for everything below them, highest priority first. */
  private static final Map<Component, List<String>> FEATURES = new LinkedHashMap<>();

  static {
    FEATURES.put(Component.SMTP, List.of("jakarta.mail.", "com.sun.mail.",
        "org.eclipse.angus.", "com.icegreen.greenmail.", "org.springframework.mail."));
    FEATURES.put(Component.RENDERING, List.of(
        "com.marketplace.disputes.notification.NoticeRenderer",
        "com.marketplace.disputes.notification.NoticeFormat",
        "com.marketplace.disputes.notification.NoticeContextLoader",
        "org.thymeleaf.", "org.attoparser."));
    FEATURES.put(Component.AUTHORIZATION, List.of("org.camunda.bpm.engine.impl.cfg.auth.",
        "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager",
        "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity",
        "org.camunda.bpm.engine.impl.AuthorizationServiceImpl",
        "org.camunda.bpm.engine.impl.cmd.AuthorizationCheckCmd",
        "org.camunda.bpm.engine.impl.cmd.CreateAuthorizationCommand",
        "org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd",
        "org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd"));
    FEATURES.put(Component.HISTORY, List.of("org.camunda.bpm.engine.impl.history.",
        "org.camunda.bpm.engine.impl.persistence.entity.Historic*"));
  }

  private static final List<String> BENCHMARK = List.of("com.marketplace.disputes.benchmark.",
      "com.marketplace.disputes.support.");
  private static final String COUNTING_PROXY = "net.ttddyy.dsproxy.";
  private static final String OURS = "com.marketplace.";
  private static final String EVENT_BRIDGE = "org.camunda.bpm.spring.boot.starter.event.";
  private static final String ENGINE = "org.camunda.";
  private static final List<String> DRIVERS = List.of("org.h2.", "org.postgresql.");

  private CpuProfile() {
  }

  /** The component of one stack, frames as "package.Class.method", the sampled frame first. */
  static Component classify(List<String> frames) {
    Component owner = null;
    boolean driver = false;
    for (String frame : frames) {
      if (startsWithAny(frame, DRIVERS)) {
        driver = true;
      } else if (startsWithAny(frame, BENCHMARK)
          || frame.startsWith(COUNTING_PROXY) && !driver) {
        // The proxy only passes a statement on when the driver runs below it.
        owner = Component.BENCHMARK;
      } else if (frame.startsWith(OURS)) {
        owner = Component.OURS;
      } else if (frame.startsWith(EVENT_BRIDGE)) {
        owner = Component.EVENT_BRIDGE;
      } else if (frame.startsWith(ENGINE)) {
        owner = Component.ENGINE;
      }
      if (owner != null) {
        break;
      }
    }
    if (owner == Component.BENCHMARK) {
      return owner;
    }
    for (Map.Entry<Component, List<String>> feature : FEATURES.entrySet()) {
      for (String frame : frames) {
        if (startsWithAny(frame, feature.getValue())) {
          return feature.getKey();
        }
      }
    }
    return owner != null ? owner : driver ? Component.DRIVER : Component.OTHER;
  }

  /** The frame of ours nearest the sampled one (the benchmark's own left out), or null. */
  static String nearestOurs(List<String> frames) {
    for (String frame : frames) {
      if (frame.startsWith(OURS) && !startsWithAny(frame, BENCHMARK)) {
        return frame;
      }
    }
    return null;
  }

  /**
   * A prefix ending in a dot is a package, one ending in a star the start of class names;
   * otherwise it is a class, matched with its nested and lambda classes but not with classes
   * whose names merely start alike.
   */
  private static boolean startsWithAny(String frame, List<String> prefixes) {
    for (String prefix : prefixes) {
      if (prefix.endsWith("*")) {
        if (frame.startsWith(prefix.substring(0, prefix.length() - 1))) {
          return true;
        }
      } else if (frame.startsWith(prefix) && (prefix.endsWith(".")
          || frame.length() > prefix.length()
          && (frame.charAt(prefix.length()) == '.' || frame.charAt(prefix.length()) == '$'))) {
        return true;
      }
    }
    return false;
  }

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String flavor = options.getOrDefault("flavor", "DISPUTES").toUpperCase(Locale.ROOT);
    Pattern threads = options.containsKey("threads") ? Pattern.compile(options.get("threads"))
        : null;
    int top = Integer.parseInt(options.getOrDefault("top", "10"));

    // First pass: the rounds, the sampling period, the CPU load, the number of CPUs.
    List<Instant[]> windows = new ArrayList<>();
    long transactions = 0;
    long disputes = 0;
    long executionSampleId = -1;
    Duration period = null;
    int cpus = Runtime.getRuntime().availableProcessors();
    List<RecordedEvent> cpuLoad = new ArrayList<>();
    try (RecordingFile recording = new RecordingFile(file)) {
      for (EventType type : recording.readEventTypes()) {
        if (type.getName().equals("jdk.ExecutionSample")) {
          executionSampleId = type.getId();
        }
      }
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        switch (event.getEventType().getName()) {
          case RoundEvent.NAME -> {
            if (!event.getBoolean("warmUp") && flavor.equals(event.getString("flavor"))) {
              windows.add(new Instant[] {event.getStartTime(), event.getEndTime()});
              transactions += event.getLong("writeTransactions");
              disputes += event.getInt("disputes");
            }
          }
          case "jdk.ActiveSetting" -> {
            if (event.getLong("id") == executionSampleId
                && event.getString("name").equals("period")) {
              period = parseDuration(event.getString("value"));
            }
          }
          case "jdk.CPUInformation" -> cpus = event.getInt("hwThreads");
          case "jdk.CPULoad" -> cpuLoad.add(event);
          default -> { }
        }
      }
    }
    String what = windows.size() + " counted round(s) of " + flavor;
    if (options.containsKey("from") || windows.isEmpty()) {
      Instant from = Instant.parse(options.getOrDefault("from", "1970-01-01T00:00:00Z"));
      Instant to = Instant.parse(options.getOrDefault("to", "9999-01-01T00:00:00Z"));
      windows = List.<Instant[]>of(new Instant[] {from, to});
      what = options.containsKey("from") ? "from " + from + " to " + to : "the whole recording";
      transactions = 0;
      disputes = 0;
    }
    transactions = Long.parseLong(options.getOrDefault("transactions", "" + transactions));
    disputes = Long.parseLong(options.getOrDefault("disputes", "" + disputes));
    if (options.containsKey("period-ms")) {
      period = Duration.ofMillis(Long.parseLong(options.get("period-ms")));
    }
    if (period == null) {
      throw new IllegalArgumentException("the recording has no sampling period: --period-ms");
    }

    // Second pass: the samples in the windows.
    Map<Component, long[]> byComponent = new EnumMap<>(Component.class);
    Map<String, Map<Component, Long>> byOurFrame = new HashMap<>();
    long samples = 0;
    long truncated = 0;
    try (RecordingFile recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")
            || !inside(windows, event.getStartTime())) {
          continue;
        }
        RecordedThread thread = event.getThread("sampledThread");
        if (threads != null && (thread == null || thread.getJavaName() == null
            || !threads.matcher(thread.getJavaName()).matches())) {
          continue;
        }
        List<String> frames = new ArrayList<>();
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
          frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
        }
        truncated += event.getStackTrace().isTruncated() ? 1 : 0;
        Component component = classify(frames);
        long[] counts = byComponent.computeIfAbsent(component, c -> new long[2]);
        counts[0]++;
        String ours = nearestOurs(frames);
        if (ours != null) {
          counts[1]++;
          byOurFrame.computeIfAbsent(ours, f -> new EnumMap<>(Component.class))
              .merge(component, 1L, Long::sum);
        }
        samples++;
      }
    }

    double ms = period.toNanos() / 1e6;
    System.out.printf(Locale.ROOT, "CPU by component: %s, %s; %d disputes, %d write "
            + "transactions; a sample every %.0f ms per thread running Java%s%n%n",
        file.getFileName(), what, disputes, transactions, ms,
        threads == null ? "" : ", threads matching " + threads);
    System.out.println("| component | samples | share | CPU ms per write transaction "
        + "| CPU ms per dispute | of it below a frame of ours |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (Component component : Component.values()) {
      long[] counts = byComponent.getOrDefault(component, new long[2]);
      System.out.println(row(component.label, counts[0], counts[1], samples, ms, transactions,
          disputes));
    }
    System.out.println(row("**all Java samples**", samples,
        byComponent.values().stream().mapToLong(c -> c[1]).sum(), samples, ms, transactions,
        disputes));

    double jvm = 0;
    double machine = 0;
    double seconds = 0;
    cpuLoad.sort(Comparator.comparing(RecordedEvent::getStartTime));
    for (int i = 1; i < cpuLoad.size(); i++) {
      RecordedEvent load = cpuLoad.get(i);
      if (inside(windows, load.getStartTime())) {
        double interval = Duration.between(cpuLoad.get(i - 1).getStartTime(),
            load.getStartTime()).toNanos() / 1e9;
        jvm += (load.getFloat("jvmUser") + load.getFloat("jvmSystem")) * cpus * interval;
        machine += load.getFloat("machineTotal") * cpus * interval;
        seconds += interval;
      }
    }
    System.out.printf(Locale.ROOT, "%nIn these %.0f s the JVM used %.1f CPU seconds (CPU load "
            + "events, GC and JIT included), the Java samples stand for %.1f, the whole machine "
            + "used %.1f of %.0f (%d CPUs). Stacks cut at the recording's depth: %d of %d.%n",
        seconds, jvm, samples * ms / 1000, machine, seconds * cpus, cpus, truncated, samples);

    System.out.printf("%nOur frames nearest the sampled code (the benchmark's left out), top %d:"
        + "%n%n| frame | samples | share of all | CPU ms per write transaction | charged to |%n"
        + "|---|---:|---:|---:|---|%n", top);
    List<Map.Entry<String, Map<Component, Long>>> hottest = new ArrayList<>(
        byOurFrame.entrySet());
    hottest.sort(Comparator.comparingLong(
        (Map.Entry<String, Map<Component, Long>> e) -> total(e.getValue())).reversed());
    for (Map.Entry<String, Map<Component, Long>> frame : hottest.subList(0,
        Math.min(top, hottest.size()))) {
      long count = total(frame.getValue());
      List<String> charged = new ArrayList<>();
      frame.getValue().entrySet().stream()
          .sorted(Map.Entry.<Component, Long>comparingByValue().reversed())
          .forEach(c -> charged.add(c.getKey().name().toLowerCase(Locale.ROOT) + " "
              + c.getValue()));
      System.out.printf(Locale.ROOT, "| `%s` | %d | %.1f %% | %s | %s |%n", frame.getKey(),
          count, 100.0 * count / Math.max(1, samples), perUnit(count, ms, transactions),
          String.join(", ", charged));
    }
  }

  private static String row(String label, long count, long belowOurs, long samples, double ms,
      long transactions, long disputes) {
    return String.format(Locale.ROOT, "| %s | %d | %.1f %% | %s | %s | %.0f %% |", label, count,
        100.0 * count / Math.max(1, samples), perUnit(count, ms, transactions),
        perUnit(count, ms, disputes), 100.0 * belowOurs / Math.max(1, count));
  }

  private static String perUnit(long count, double ms, long units) {
    return units > 0 ? String.format(Locale.ROOT, "%.2f", count * ms / units) : "";
  }

  private static long total(Map<Component, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  private static boolean inside(List<Instant[]> windows, Instant time) {
    for (Instant[] window : windows) {
      if (!time.isBefore(window[0]) && !time.isAfter(window[1])) {
        return true;
      }
    }
    return false;
  }

  /** A recording setting's duration: "10 ms", "20 ms", "1 s". */
  static Duration parseDuration(String value) {
    String[] parts = value.trim().split("\\s+");
    long amount = Long.parseLong(parts[0]);
    return switch (parts.length > 1 ? parts[1] : "ms") {
      case "ns" -> Duration.ofNanos(amount);
      case "us" -> Duration.ofNanos(amount * 1000);
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m", "min" -> Duration.ofMinutes(amount);
      default -> throw new IllegalArgumentException("not a duration: " + value);
    };
  }
}
