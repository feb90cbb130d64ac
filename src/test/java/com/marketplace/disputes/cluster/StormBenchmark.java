package com.marketplace.disputes.cluster;

import com.marketplace.disputes.benchmark.DisputeBenchmark.JobMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures the seller-deadline storm on one PostgreSQL database with one node and with two: the
 * disputes wait for the seller, then all their deadlines fall due at once and the job executors
 * escalate them. Prints escalations per second and, per 1,000 jobs, the acquisitions that lost a
 * job to another node (job-acquired-failure) and the jobs that failed, optimistic locking
 * conflicts included (job-failed), from the engine's own metrics.
 *
 * <p>Not a test: run it by hand after {@code ./mvnw test-compile} and {@code ./mvnw
 * dependency:build-classpath -Dmdep.outputFile=target/classpath.txt}:
 * {@code java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)"
 * com.marketplace.disputes.cluster.StormBenchmark 600 [nodes]}. Each node is a separate JVM with
 * the profile's settings; all of them share the machine's cores with the database.
 */
public final class StormBenchmark {

  private StormBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int disputes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int[] nodeCounts = args.length > 1 ? new int[] {Integer.parseInt(args[1])} : new int[] {1, 2};
    for (int nodes : nodeCounts) {
      run(nodes, disputes);
    }
  }

  private static void run(int nodeCount, int disputeCount) throws Exception {
    try (TestPostgres postgres = TestPostgres.start()) {
      DisputeLoad load = new DisputeLoad(postgres.dataSource());
      List<ClusterNode> nodes = new ArrayList<>();
      try {
        Path logs = Path.of("target", "cluster-nodes", "StormBenchmark-" + nodeCount);
        for (int i = 0; i < nodeCount; i++) {
          nodes.add(new ClusterNode.Spec("node-" + (char) ('a' + i), postgres.jdbcUrl())
              .start(logs));
          // One after the other: the start-up lock would serialize them anyway.
          nodes.get(i).awaitReady(Duration.ofMinutes(5));
        }
        List<String> ids = load.submit(disputeCount, nodes);
        DisputeLoad.await("disputes wait for the seller", Duration.ofMinutes(10),
            () -> load.waitingAt("RespondToDispute", ids) == disputeCount);
        reportMetrics(nodes);
        long from = System.currentTimeMillis();

        long[] databaseBefore = databaseWork(load);
        long start = System.nanoTime();
        load.makeSellerDeadlineDue(ids);
        DisputeLoad.await("storm done", Duration.ofMinutes(15),
            () -> load.outcomes(ids).values().stream().allMatch(o -> o.noticesSent() == 1));
        double seconds = (System.nanoTime() - start) / 1e9;
        reportMetrics(nodes);
        long[] databaseAfter = databaseWork(load);

        Map<String, Double> metrics = JobMetrics.since(load.jdbc(), from);
        double jobs = metrics.getOrDefault("job-successful", 0.0);
        System.out.printf("%n== %d node(s), %d disputes ==%n", nodeCount, disputeCount);
        double working = load.jdbc().sql("""
            select extract(epoch from max(timestamp_) - min(timestamp_)) from act_hi_job_log
            where job_state_ = 2 and act_id_ in (:activities) and process_instance_id_ in (:ids)""")
            .param("activities", List.of(DisputeLoad.DEADLINE_TIMER, DisputeLoad.ESCALATION_NOTICE))
            .param("ids", ids).query(Double.class).single();
        System.out.printf("storm took %.1f s (%.1f s from first to last job): %.1f escalations/s"
            + " while working, %d jobs, by node %s%n", seconds, working, disputeCount / working,
            jobs, load.jobsByNode(ids));
        System.out.printf("database: %.1f transactions and %.1f rows written per escalation%n",
            (databaseAfter[0] - databaseBefore[0]) / (double) disputeCount,
            (databaseAfter[1] - databaseBefore[1]) / (double) disputeCount);
        metrics.forEach((name, value) -> System.out.printf("  %-24s %8.0f  %8.2f per 1,000 jobs%n",
            name, value, jobs == 0 ? 0 : 1000.0 * value / jobs));
        load.jdbc().sql("""
            select substr(job_exception_msg_, 1, 160) message, count(*) from act_hi_job_log
            where job_state_ = 1 and process_instance_id_ in (
              select process_instance_id from dispute where escalated_at is not null)
            group by substr(job_exception_msg_, 1, 160) order by 2 desc limit 5""")
            .query((rs, row) -> rs.getLong(2) + " x " + rs.getString(1)).list()
            .forEach(failure -> System.out.println("  failed job: " + failure));
      } finally {
        for (ClusterNode node : nodes) {
          node.close();
        }
      }
    }
  }

  private static void reportMetrics(List<ClusterNode> nodes) throws Exception {
    for (ClusterNode node : nodes) {
      if (node.post("/cluster-test/report-metrics").statusCode() != 200) {
        throw new IllegalStateException("metrics not reported by " + node.name());
      }
    }
  }

  /** Transactions and rows written so far, as the server counts them (counters lag ~0.5 s). */
  private static long[] databaseWork(DisputeLoad load) {
    ClusterNode.sleep(Duration.ofSeconds(2));
    return load.jdbc().sql("""
        select xact_commit + xact_rollback, tup_inserted + tup_updated + tup_deleted
        from pg_stat_database where datname = current_database()""")
        .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
  }
}
