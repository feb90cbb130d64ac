package com.marketplace.disputes.benchmark;

import com.marketplace.disputes.analytics.DisputeAnalytics;
import com.marketplace.disputes.benchmark.Lifecycles.Call;
import com.marketplace.disputes.benchmark.Lifecycles.Flavor;
import com.marketplace.disputes.benchmark.Lifecycles.Result;
import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.identity.DisputeAccess;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark: how fast full dispute lifecycles run against a bare baseline on the same engine
 * and database, a storm of due seller deadlines, and the working day's queries with many disputes
 * open. Prints Markdown tables and writes them to target/benchmark/results.md.
 *
 * <p>Run it with {@code ./mvnw -Pbenchmark verify} (options in {@code -Dbenchmark.args="..."}):
 * <pre>
 *   --variants h2-disk:full,h2-disk:audit,h2-mem:full   database:history[:nodes], lifecycle each
 *   --disputes 1500     lifecycles per flavor and round (a third of each path; 0 = none)
 *   --rounds 2          rounds; each runs the baseline, then ours, so drift hits both alike
 *   --threads 4         client threads
 *   --storm 100000      disputes in the deadline storm and open state (first variant only; 0 = no)
 *   --storm-opening cheap   how the storm's disputes are opened: cheap (straight at the seller's
 *                       wait state, see WaitingDisputes) or engine (through the start event)
 *   --buyers 2000 --sellers 200
 *   --set key=value     an application property for every node (repeatable), to try settings
 * </pre>
 * Each variant starts with a warm-up of each flavor that is not counted.
 */
public final class DisputeBenchmark {

  /** Everything one run measured, for the smoke test and the printed tables. */
  public record Report(Map<String, List<Result>> lifecycles, StormAndOpenState.Storm storm,
      List<StormAndOpenState.QueryTiming> openState, Map<String, Map<String, Double>> jobMetrics) {}

  private DisputeBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Report report = run(args, System.out);
    if (report.storm() != null && !report.storm().exactlyOnce()) {
      System.exit(1);
    }
    System.exit(0);
  }

  public static Report run(String[] args, PrintStream out) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    List<String> properties = new ArrayList<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      if (args[i].equals("--set")) {
        properties.add("--" + args[i + 1]);
      } else {
        options.put(args[i].substring(2), args[i + 1]);
      }
    }
    int disputes = Integer.parseInt(options.getOrDefault("disputes", "1500"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "2"));
    int threads = Integer.parseInt(options.getOrDefault("threads", "4"));
    int storm = Integer.parseInt(options.getOrDefault("storm", "100000"));
    String stormOpening = options.getOrDefault("storm-opening", "cheap");
    if (!List.of("cheap", "engine").contains(stormOpening)) {
      throw new IllegalArgumentException("--storm-opening is cheap or engine, not " + stormOpening);
    }
    int buyers = Integer.parseInt(options.getOrDefault("buyers", "2000"));
    int sellers = Integer.parseInt(options.getOrDefault("sellers", "200"));
    Path work = Path.of(options.getOrDefault("work", "target/benchmark"));
    Files.createDirectories(work);

    Markdown md = new Markdown(out);
    md.line("# Dispute benchmark, " + Runtime.getRuntime().availableProcessors() + " cores, "
        + disputes + " lifecycles per flavor and round, " + rounds + " round(s), " + threads
        + " client threads" + (properties.isEmpty() ? "" : ", " + properties));

    Map<String, List<Result>> lifecycles = new LinkedHashMap<>();
    Map<String, Map<String, Double>> jobMetrics = new LinkedHashMap<>();
    StormAndOpenState.Storm stormResult = null;
    List<StormAndOpenState.QueryTiming> openState = List.of();
    boolean first = true;
    for (String spec : options.getOrDefault("variants", "h2-disk:full,h2-disk:audit,h2-mem:full")
        .split(",")) {
      String[] parts = spec.split(":");
      BenchmarkNode.Variant variant = new BenchmarkNode.Variant(parts[0],
          parts.length > 1 ? parts[1] : "full", parts.length > 2 ? Integer.parseInt(parts[2]) : 1);
      try (BenchmarkNode node = BenchmarkNode.start(variant, work, properties)) {
        Lifecycles.deployBaseline(node.engine());
        JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
        Population population = new Population(jdbc, buyers, sellers);
        population.createUsers(node.engine().getIdentityService());
        Lifecycles lifecycle = new Lifecycles(node.engine(), node.sql(), node.signals(),
            population);
        List<Lifecycles.Share> otherNodes = node.otherNodes(population);
        if (disputes > 0) {
          long since = System.currentTimeMillis();
          node.reportMetrics();
          // Warm-up, not counted: JIT, caches, connection pool.
          lifecycle.run(Flavor.BASELINE, Math.max(30, disputes / 10), threads, otherNodes);
          lifecycle.run(Flavor.DISPUTES, Math.max(30, disputes / 10), threads, otherNodes);
          List<Result> results = new ArrayList<>();
          for (int round = 0; round < rounds; round++) {
            results.add(lifecycle.run(Flavor.BASELINE, disputes, threads, otherNodes));
            results.add(lifecycle.run(Flavor.DISPUTES, disputes, threads, otherNodes));
          }
          node.reportMetrics();
          lifecycles.put(variant.label(), results);
          jobMetrics.put(variant.label(), JobMetrics.since(JdbcClient.create(jdbc), since));
          md.lifecycle(variant, results, jobMetrics.get(variant.label()));
        }

        if (first && storm > 0) {
          StormAndOpenState scenario = new StormAndOpenState(node.engine(), jdbc, population);
          WaitingDisputes cheap = stormOpening.equals("cheap")
              ? new WaitingDisputes(node.engine(), jdbc, node.bean(DisputeAccess.class),
                  population)
              : null;
          stormResult = scenario.storm(storm, threads, cheap);
          md.storm(variant, stormResult);
          openState = scenario.openStateQueries(node.bean(DisputeRecords.class),
              node.bean(DisputeAnalytics.class), storm >= 1000 ? 100 : 10);
          md.openState(storm, openState);
        }
      }
      first = false;
    }
    Files.writeString(work.resolve("results.md"), md.text());
    out.println("written to " + work.resolve("results.md"));
    return new Report(lifecycles, stormResult, openState, jobMetrics);
  }

  /** Engine job metrics written to ACT_RU_METER_LOG by every node, per 1,000 successful jobs. */
  public static final class JobMetrics {

    private JobMetrics() {
    }

    /** Each job metric's sum since the moment, then successful jobs by node ("jobs by A"). */
    public static Map<String, Double> since(JdbcClient jdbc, long fromMillis) {
      Map<String, Double> values = new LinkedHashMap<>();
      for (String name : List.of("job-successful", "job-failed", "job-acquisition-attempt",
          "job-acquired-success", "job-acquired-failure", "job-execution-rejected",
          "job-locked-exclusive")) {
        values.put(name, jdbc.sql("select coalesce(sum(value_), 0) from act_ru_meter_log"
                + " where name_ = ? and milliseconds_ >= ?")
            .params(name, fromMillis).query(Long.class).single().doubleValue());
      }
      jdbc.sql("select coalesce(reporter_, '-'), sum(value_) from act_ru_meter_log"
              + " where name_ = 'job-successful' and milliseconds_ >= ? group by reporter_"
              + " order by reporter_")
          .params(fromMillis)
          .query((rs, i) -> values.put("jobs by " + rs.getString(1), rs.getDouble(2)))
          .list();
      return values;
    }
  }

  /** Collects and prints the tables. */
  private static final class Markdown {

    private final PrintStream out;
    private final StringBuilder text = new StringBuilder();

    Markdown(PrintStream out) {
      this.out = out;
    }

    String text() {
      return text.toString();
    }

    void line(String line) {
      out.println(line);
      text.append(line).append('\n');
    }

    void lifecycle(BenchmarkNode.Variant variant, List<Result> results,
        Map<String, Double> jobs) {
      line("");
      line("## Lifecycle throughput: " + variant.label());
      line("");
      line("| flavor | disputes | disputes/s | transactions/s | transactions/dispute "
          + "| SQL writes/dispute | SQL reads/dispute | calls retried | start p50/p95/p99 ms | complete task p50/p95/p99 ms "
          + "| correlate p50/p95/p99 ms | fire timer p50/p95/p99 ms "
          + "| notice sent after its step p50/p95/p99 ms |");
      line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
      for (Flavor flavor : Flavor.values()) {
        List<Result> mine = results.stream().filter(r -> r.flavor() == flavor).toList();
        int disputes = mine.stream().mapToInt(Result::disputes).sum();
        double seconds = mine.stream().mapToDouble(Result::seconds).sum();
        long commits = mine.stream().mapToLong(Result::commits).sum();
        long writes = mine.stream().mapToLong(Result::writes).sum();
        long reads = mine.stream().mapToLong(Result::reads).sum();
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT,
            "| %s | %d | %.1f | %.0f | %.1f | %.0f | %.0f | %d |",
            flavor.name().toLowerCase(Locale.ROOT), disputes, disputes / seconds,
            commits / seconds, commits / (double) disputes, writes / (double) disputes,
            reads / (double) disputes, mine.stream().mapToInt(Result::retries).sum()));
        for (Call call : Call.values()) {
          List<Long> all = new ArrayList<>();
          mine.forEach(r -> all.addAll(r.latencies().get(call)));
          all.sort(null);
          row.append(String.format(Locale.ROOT, " %.1f / %.1f / %.1f |",
              StormAndOpenState.percentile(all, 50) / 1e6,
              StormAndOpenState.percentile(all, 95) / 1e6,
              StormAndOpenState.percentile(all, 99) / 1e6));
        }
        line(row.toString());
      }
      double ours = rate(results, Flavor.DISPUTES);
      double baseline = rate(results, Flavor.BASELINE);
      line("");
      line(String.format(Locale.ROOT, "**Ratio to the baseline: %.2f** (%.1f against %.1f "
          + "disputes/s; per round: %s)", ours / baseline, ours, baseline, perRound(results)));
      double successful = Math.max(1, jobs.get("job-successful"));
      line(String.format(Locale.ROOT, "Jobs: %.0f run; per 1,000 jobs: %.1f failed (optimistic "
          + "locking conflicts included), %.1f failed acquisitions, %.1f rejected executions.",
          successful, 1000 * jobs.get("job-failed") / successful,
          1000 * jobs.get("job-acquired-failure") / successful,
          1000 * jobs.get("job-execution-rejected") / successful));
      StringBuilder byNode = new StringBuilder("Jobs by node (metrics reporter):");
      jobs.forEach((name, value) -> {
        if (name.startsWith("jobs by ")) {
          byNode.append(String.format(Locale.ROOT, " %s %.0f;", name.substring(8), value));
        }
      });
      line(byNode.toString());
    }

    private static double rate(List<Result> results, Flavor flavor) {
      return results.stream().filter(r -> r.flavor() == flavor).mapToInt(Result::disputes).sum()
          / results.stream().filter(r -> r.flavor() == flavor).mapToDouble(Result::seconds)
          .sum();
    }

    private static String perRound(List<Result> results) {
      List<String> ratios = new ArrayList<>();
      for (int i = 0; i + 1 < results.size(); i += 2) {
        ratios.add(String.format(Locale.ROOT, "%.2f",
            results.get(i + 1).disputesPerSecond() / results.get(i).disputesPerSecond()));
      }
      return String.join(", ", ratios);
    }

    void storm(BenchmarkNode.Variant variant, StormAndOpenState.Storm storm) {
      line("");
      line("## Deadline storm: " + variant.label());
      line("");
      line(String.format(Locale.ROOT, "%d disputes opened %s in %.0f s (%.0f/s); then every "
          + "seller deadline due at once:", storm.disputes(), storm.cheaplyOpened()
              ? "straight at the seller's wait state (one through the start event, as the "
                  + "yardstick)"
              : "through the engine, with their opening notices",
          storm.creationSeconds(), storm.disputes() / storm.creationSeconds()));
      line("");
      line("| all escalated after | escalations/s | all escalation notices sent after "
          + "| jobs/s (timer + notice) | escalated exactly once |");
      line("|---:|---:|---:|---:|---|");
      line(String.format(Locale.ROOT, "| %.1f s | %.0f | %.1f s | %.0f | %s (%d events, %d twice;"
          + " %d mails, %d twice) |", storm.escalatedSeconds(),
          storm.disputes() / storm.escalatedSeconds(), storm.noticesSentSeconds(),
          2 * storm.disputes() / storm.noticesSentSeconds(),
          storm.exactlyOnce() ? "yes" : "**NO**", storm.escalationEvents(),
          storm.disputesEscalatedTwice(), storm.escalationNoticesSent(),
          storm.noticesSentTwice()));
    }

    void openState(int open, List<StormAndOpenState.QueryTiming> timings) {
      line("");
      line("## Open state: " + open + " disputes open, all in the mediation queue");
      line("");
      line("| query | runs | p50 ms | p95 ms | max ms | rows |");
      line("|---|---:|---:|---:|---:|---:|");
      timings.forEach(t -> line(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %d |",
          t.query(), t.samples(), t.p50Millis(), t.p95Millis(), t.maxMillis(), t.rows())));
    }
  }
}
