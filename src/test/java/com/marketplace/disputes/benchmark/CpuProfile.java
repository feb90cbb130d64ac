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
 * <p>It needs nothing but the JDK and its own classes:
 * <pre>
 *   java -cp target/test-classes com.marketplace.disputes.benchmark.CpuProfile
 *       target/lifecycle.jfr [--flavor DISPUTES|BASELINE] [--warm-up true]
 *       [--from 2026-01-01T10:00:00Z --to 2026-01-01T10:05:00Z] [--threads regex]
 *       [--transactions N] [--disputes N] [--period-ms 10] [--top 10]
 * </pre>
 * By default it reads the counted rounds of ours (or their warm-up), as the recording's
 * {@link RoundEvent}s mark them, with their transactions and disputes; {@code --from} and {@code --to} (or a recording
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
 *       frame of ours. One exception: an engine query the benchmark's client runs itself (to
 *       find a job, or polling while it waits) is the benchmark's own work.
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
    DRIVER("database driver on its own threads (H2 writing pages)"),
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
  /** Our command interceptors: every command passes through them on its way to the engine. */
  private static final List<String> PASS_THROUGH = List.of(
      "com.marketplace.disputes.security.EngineGate$Gate.execute",
      "com.marketplace.disputes.config.RefusedTaskForms$Interceptor.execute");
  private static final String EVENT_BRIDGE = "org.camunda.bpm.spring.boot.starter.event.";
  private static final String ENGINE = "org.camunda.";
  private static final List<String> DRIVERS = List.of("org.h2.", "org.postgresql.");
  private static final Pattern ENGINE_QUERY = Pattern.compile(
      "org\\.camunda\\.bpm\\.engine\\.impl\\.(.+\\.)?\\w*Query\\w*\\.\\w+");

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
      } else if (frame.startsWith(OURS) && !PASS_THROUGH.contains(frame)) {
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
    if (owner == Component.BENCHMARK || owner == Component.ENGINE && benchmarkQuery(frames)) {
      return Component.BENCHMARK;
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

  /**
   * Whether the engine runs a query the benchmark asked for: the engine frame right above the
   * benchmark's nearest frame is a query's. The clients' lookups and their polling while they
   * wait are not the load being measured; their starts, completions and correlations are.
   */
  private static boolean benchmarkQuery(List<String> frames) {
    String entry = null;
    for (String frame : frames) {
      if (startsWithAny(frame, BENCHMARK)) {
        return entry != null && ENGINE_QUERY.matcher(entry).matches();
      }
      if (frame.startsWith(ENGINE) || frame.startsWith(OURS)) {
        entry = frame;
      }
    }
    return false;
  }

  /** The frame of ours nearest the sampled one (the benchmark's own left out), or null. */
  static String nearestOurs(List<String> frames) {
    for (String frame : frames) {
      if (frame.startsWith(OURS) && !startsWithAny(frame, BENCHMARK)
          && !PASS_THROUGH.contains(frame)) {
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
    Profile profile = new Profile(options);
    profile.readRounds(file);
    profile.readSamples(file);
    profile.print(file, Integer.parseInt(options.getOrDefault("top", "10")));
  }

  /** One reading of a recording: the windows, the CPU of each thread, the samples. */
  private static final class Profile {

    private final Map<String, String> options;
    private final String flavor;
    private final Pattern threads;
    private final boolean warmUp;
    private List<Instant[]> windows = new ArrayList<>();
    private String what;
    private long transactions;
    private long disputes;
    private Duration period;
    private int cpus = Runtime.getRuntime().availableProcessors();
    private final List<RecordedEvent> cpuLoad = new ArrayList<>();
    private final List<RecordedEvent> threadLoad = new ArrayList<>();
    /** Per thread id: samples by component, and samples by our nearest frame and component. */
    private final Map<Long, Map<Component, long[]>> samples = new HashMap<>();
    private final Map<Long, Map<String, Map<Component, Long>>> ourFrames = new HashMap<>();
    private final Map<Long, String> threadNames = new HashMap<>();
    private long truncated;

    Profile(Map<String, String> options) {
      this.options = options;
      flavor = options.getOrDefault("flavor", "DISPUTES").toUpperCase(Locale.ROOT);
      warmUp = Boolean.parseBoolean(options.getOrDefault("warm-up", "false"));
      threads = options.containsKey("threads") ? Pattern.compile(options.get("threads")) : null;
    }

    /** First pass: the rounds, the sampling period, the CPU load, the number of CPUs. */
    void readRounds(Path file) throws IOException {
      long executionSampleId = -1;
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
              if (event.getBoolean("warmUp") == warmUp
                  && flavor.equals(event.getString("flavor"))) {
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
            case "jdk.ThreadCPULoad" -> threadLoad.add(event);
            default -> { }
          }
        }
      }
      what = windows.size() + (warmUp ? " warm-up" : " counted") + " round(s) of " + flavor;
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
    }

    /** Second pass: the samples in the windows, by thread. */
    void readSamples(Path file) throws IOException {
      try (RecordingFile recording = new RecordingFile(file)) {
        while (recording.hasMoreEvents()) {
          RecordedEvent event = recording.readEvent();
          if (!event.getEventType().getName().equals("jdk.ExecutionSample")
              || !inside(windows, event.getStartTime())) {
            continue;
          }
          RecordedThread thread = event.getThread("sampledThread");
          if (thread == null || threads != null && (thread.getJavaName() == null
              || !threads.matcher(thread.getJavaName()).matches())) {
            continue;
          }
          List<String> frames = new ArrayList<>();
          for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
          }
          truncated += event.getStackTrace().isTruncated() ? 1 : 0;
          Component component = classify(frames);
          long[] counts = samples.computeIfAbsent(thread.getJavaThreadId(),
              t -> new EnumMap<>(Component.class)).computeIfAbsent(component, c -> new long[2]);
          counts[0]++;
          String ours = nearestOurs(frames);
          if (ours != null) {
            counts[1]++;
            ourFrames.computeIfAbsent(thread.getJavaThreadId(), t -> new HashMap<>())
                .computeIfAbsent(ours, f -> new EnumMap<>(Component.class))
                .merge(component, 1L, Long::sum);
          }
        }
      }
    }

    /**
     * Each sampled thread's CPU in the windows, in ms, from its CPU load events (user and system
     * time as a share of all CPUs since its previous event); empty if the recording has none.
     */
    Map<Long, Double> threadCpuMillis() {
      Map<Long, Double> cpu = new HashMap<>();
      Map<Long, Instant> previous = new HashMap<>();
      threadLoad.sort(Comparator.comparing(RecordedEvent::getStartTime));
      for (RecordedEvent load : threadLoad) {
        RecordedThread thread = load.getThread("eventThread");
        if (thread == null) {
          continue;
        }
        threadNames.put(thread.getJavaThreadId(), String.valueOf(thread.getJavaName()));
        Instant before = previous.put(thread.getJavaThreadId(), load.getStartTime());
        if (before != null && inside(windows, load.getStartTime())) {
          cpu.merge(thread.getJavaThreadId(), (load.getFloat("user") + load.getFloat("system"))
              * cpus * Duration.between(before, load.getStartTime()).toNanos() / 1e6, Double::sum);
        }
      }
      return cpu;
    }

    void print(Path file, int top) {
      double ms = period.toNanos() / 1e6;
      Map<Long, Double> threadCpu = threadCpuMillis();
      // A thread's CPU spread over its samples; without thread CPU, a sample is one period.
      Map<Long, Double> weight = new HashMap<>();
      samples.forEach((thread, counts) -> weight.put(thread, threadCpu.isEmpty() ? ms
          : threadCpu.getOrDefault(thread, 0.0)
              / counts.values().stream().mapToLong(c -> c[0]).sum()));
      Map<Component, double[]> byComponent = new EnumMap<>(Component.class);
      samples.forEach((thread, counts) -> counts.forEach((component, c) -> {
        double[] sums = byComponent.computeIfAbsent(component, k -> new double[3]);
        sums[0] += c[0];
        sums[1] += c[0] * weight.get(thread);
        sums[2] += c[1] * weight.get(thread);
      }));
      double all = byComponent.values().stream().mapToDouble(c -> c[0]).sum();
      System.out.printf(Locale.ROOT, "CPU by component: %s, %s; %d disputes, %d write "
              + "transactions; a sample every %.0f ms per thread running Java%s; CPU %s%n%n",
          file.getFileName(), what, disputes, transactions, ms,
          threads == null ? "" : ", threads matching " + threads,
          threadCpu.isEmpty() ? "taken as samples times the period"
              : "of each thread from its CPU load, spread over its samples");
      System.out.println("| component | samples | share of the CPU | CPU ms per write transaction "
          + "| CPU ms per dispute | of it below a frame of ours |");
      System.out.println("|---|---:|---:|---:|---:|---:|");
      double sampledCpu = byComponent.values().stream().mapToDouble(c -> c[1]).sum();
      double unsampled = 0;
      double compilers = 0;
      for (Map.Entry<Long, Double> thread : threadCpu.entrySet()) {
        if (!samples.containsKey(thread.getKey())) {
          unsampled += thread.getValue();
          compilers += threadNames.getOrDefault(thread.getKey(), "").contains("CompilerThread")
              ? thread.getValue() : 0;
        }
      }
      double jvm = jvmCpuMillis()[0];
      double gc = threadCpu.isEmpty() ? 0 : Math.max(0, jvm - sampledCpu - unsampled);
      double total = sampledCpu + unsampled + gc;
      for (Component component : Component.values()) {
        double[] sums = byComponent.getOrDefault(component, new double[3]);
        System.out.println(row(component.label, (long) sums[0], sums[1], sums[2], total));
      }
      if (!threadCpu.isEmpty()) {
        System.out.println(row("JIT compilers", 0, compilers, 0, total));
        System.out.println(row("other Java threads in no sample", 0, unsampled - compilers, 0,
            total));
        // Can be none: the threads' loads may add up to more than the JVM's (see the foot).
        System.out.println(row("the rest of the JVM's CPU (GC and other VM threads)", 0, gc, 0,
            total));
      }
      System.out.println(row("**all**", (long) all, total,
          byComponent.values().stream().mapToDouble(c -> c[2]).sum(), total));

      double[] load = jvmCpuMillis();
      System.out.printf(Locale.ROOT, "%nIn these %.0f s the JVM used %.1f CPU seconds, the whole "
              + "machine %.1f of %.0f (%d CPUs); its Java threads' CPU load adds up to %.1f, "
              + "the samples times the period to %.1f. Stacks cut at the recording's depth: %d "
              + "of %.0f.%n", load[2] / 1000, jvm / 1000, load[1] / 1000,
          load[2] * cpus / 1000, cpus, (sampledCpu + unsampled) / 1000, all * ms / 1000,
          truncated, all);

      Map<String, Map<Component, Double>> frames = new HashMap<>();
      ourFrames.forEach((thread, byFrame) -> byFrame.forEach((frame, counts) ->
          counts.forEach((component, count) -> frames.computeIfAbsent(frame,
                  f -> new EnumMap<>(Component.class))
              .merge(component, count * weight.get(thread), Double::sum))));
      System.out.printf("%nOur frames nearest the sampled code (the benchmark's left out), top %d:"
          + "%n%n| frame | share of the CPU | CPU ms per write transaction | charged to |%n"
          + "|---|---:|---:|---|%n", top);
      List<Map.Entry<String, Map<Component, Double>>> hottest = new ArrayList<>(
          frames.entrySet());
      hottest.sort(Comparator.comparingDouble(
          (Map.Entry<String, Map<Component, Double>> e) -> sum(e.getValue())).reversed());
      for (Map.Entry<String, Map<Component, Double>> frame : hottest.subList(0,
          Math.min(top, hottest.size()))) {
        double cpu = sum(frame.getValue());
        List<String> charged = new ArrayList<>();
        frame.getValue().entrySet().stream()
            .sorted(Map.Entry.<Component, Double>comparingByValue().reversed())
            .forEach(c -> charged.add(String.format(Locale.ROOT, "%s %.0f %%",
                c.getKey().name().toLowerCase(Locale.ROOT), 100 * c.getValue() / cpu)));
        System.out.printf(Locale.ROOT, "| `%s` | %.1f %% | %s | %s |%n", frame.getKey(),
            100 * cpu / Math.max(1, total), perUnit(cpu, transactions),
            String.join(", ", charged));
      }
    }

    /** The JVM's CPU, the machine's, and the time covered, in ms, from the CPU load events. */
    double[] jvmCpuMillis() {
      double[] sums = new double[3];
      cpuLoad.sort(Comparator.comparing(RecordedEvent::getStartTime));
      for (int i = 1; i < cpuLoad.size(); i++) {
        RecordedEvent load = cpuLoad.get(i);
        if (inside(windows, load.getStartTime())) {
          double interval = Duration.between(cpuLoad.get(i - 1).getStartTime(),
              load.getStartTime()).toNanos() / 1e6;
          sums[0] += (load.getFloat("jvmUser") + load.getFloat("jvmSystem")) * cpus * interval;
          sums[1] += load.getFloat("machineTotal") * cpus * interval;
          sums[2] += interval;
        }
      }
      return sums;
    }

    private String row(String label, long count, double cpu, double belowOurs, double total) {
      return String.format(Locale.ROOT, "| %s | %d | %.1f %% | %s | %s | %s |", label, count,
          100 * cpu / Math.max(1, total), perUnit(cpu, transactions), perUnit(cpu, disputes),
          cpu > 0 && belowOurs > 0 || count > 0
              ? String.format(Locale.ROOT, "%.0f %%", 100 * belowOurs / Math.max(1e-9, cpu)) : "");
    }
  }

  private static String perUnit(double cpuMillis, long units) {
    return units > 0 ? String.format(Locale.ROOT, "%.2f", cpuMillis / units) : "";
  }

  private static double sum(Map<Component, Double> cpu) {
    return cpu.values().stream().mapToDouble(Double::doubleValue).sum();
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
