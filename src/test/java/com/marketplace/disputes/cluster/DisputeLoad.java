package com.marketplace.disputes.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.TestOrders;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Disputes for a cluster test, made and inspected as the outside world and an operator would:
 * orders written to the database, disputes submitted through a node's REST API, deadlines moved
 * in the engine's job table, results read from the tables.
 */
public final class DisputeLoad {

  public static final String DEADLINE_TIMER = "SellerResponseDeadline";
  public static final String ESCALATION_NOTICE = "NotifyEscalation";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;
  private final TestOrders orders;

  public DisputeLoad(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.orders = new TestOrders(jdbc);
  }

  public JdbcClient jdbc() {
    return jdbc;
  }

  /**
   * Submits {@code count} disputes, spread over the nodes, four at a time; returns their process
   * instance ids. Each one is accepted (HTTP 200) or the test fails.
   */
  public List<String> submit(int count, List<ClusterNode> nodes) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> started = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ClusterNode node = nodes.get(i % nodes.size());
        String buyer = "buyer" + i;
        String orderId = orders.eligible(buyer, "seller" + (i % 7), "40.00");
        started.add(pool.submit(() -> submit(node, orderId, buyer)));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> future : started) {
        ids.add(future.get());
      }
      return ids;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Submits one dispute as the marketplace would (admin acts on the buyer's behalf). */
  public String submit(ClusterNode node, String orderId, String buyer) throws IOException {
    Map<String, Object> variables = new HashMap<>();
    DisputeDriver.claim(orderId, buyer).forEach((name, value) -> variables.put(name,
        Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : "String")));
    HttpResponse<String> response = node.postJson(
        "/engine-rest/process-definition/key/disputeMediation/start",
        JSON.writeValueAsString(Map.of("variables", variables)), ClusterNode.ADMIN);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("start on " + node.name() + " answered "
          + response.statusCode() + ": " + response.body());
    }
    JsonNode body = JSON.readTree(response.body());
    return body.get("id").asText();
  }

  /** How many of the instances wait at the user task {@code taskKey}. */
  public long waitingAt(String taskKey, List<String> processInstanceIds) {
    return sum(processInstanceIds, ids -> jdbc.sql("""
        select count(*) from act_ru_task where task_def_key_ = :key and proc_inst_id_ in (:ids)""")
        .param("key", taskKey).param("ids", ids).query(Long.class).single());
  }

  /** Makes the seller's deadline of every given dispute due now, as if 15 days had passed. */
  public int makeSellerDeadlineDue(List<String> processInstanceIds) {
    // DUEDATE_ has no zone; the nodes write and read it in UTC (disputes.cluster.time-zone).
    return (int) sum(processInstanceIds, ids -> (long) jdbc.sql("""
        update act_ru_job set duedate_ = (now() at time zone 'UTC') - interval '1 second'
        where process_instance_id_ in (:ids)
          and job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = :timer)""")
        .param("ids", ids).param("timer", DEADLINE_TIMER).update());
  }

  /** What happened to one dispute, counted in our tables and in the engine's history. */
  public record Outcome(String disputeId, String processInstanceId, String status,
      long escalations, long timelineEntries, long refunds, long noticesSent,
      long deadlineJobsDone) {}

  public Map<String, Outcome> outcomes(List<String> processInstanceIds) {
    Map<String, Outcome> outcomes = new HashMap<>();
    for (List<String> ids : chunks(processInstanceIds)) {
      jdbc.sql("""
          select d.dispute_id, d.process_instance_id, d.status,
            (select count(*) from dispute_event e
              where e.dispute_id = d.dispute_id and e.event_type = 'ESCALATED') escalations,
            (select count(*) from dispute_event e where e.dispute_id = d.dispute_id) timeline,
            (select count(*) from refund r where r.dispute_id = d.dispute_id) refunds,
            (select count(*) from act_hi_actinst a where a.proc_inst_id_ = d.process_instance_id
              and a.act_id_ = :notice and a.end_time_ is not null) notices,
            (select count(*) from act_hi_job_log j
              where j.process_instance_id_ = d.process_instance_id
                and j.act_id_ = :timer and j.job_state_ = 2) deadline_jobs
          from dispute d where d.process_instance_id in (:ids)""")
          .param("notice", ESCALATION_NOTICE).param("timer", DEADLINE_TIMER).param("ids", ids)
          .query((rs, row) -> new Outcome(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
          .list().forEach(outcome -> outcomes.put(outcome.processInstanceId(), outcome));
    }
    return outcomes;
  }

  /** How many of the instances have passed the escalation and wait for the mediators. */
  public long escalated(List<String> processInstanceIds) {
    return waitingAt("DecideDispute", processInstanceIds);
  }

  /** Successful job executions of the storm's jobs, by the node that ran them. */
  public Map<String, Long> jobsByNode(List<String> processInstanceIds) {
    Map<String, Long> byNode = new HashMap<>();
    for (List<String> ids : chunks(processInstanceIds)) {
      jdbc.sql("""
          select hostname_, count(*) from act_hi_job_log
          where job_state_ = 2 and act_id_ in (:activities) and process_instance_id_ in (:ids)
          group by hostname_""")
          .param("activities", List.of(DEADLINE_TIMER, ESCALATION_NOTICE)).param("ids", ids)
          .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
          .forEach(entry -> byNode.merge(entry.getKey(), entry.getValue(), Long::sum));
    }
    return byNode;
  }

  /** Polls until the condition holds; fails with {@code what} after the timeout. */
  public static void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within " + timeout + ": " + what);
      }
      ClusterNode.sleep(Duration.ofMillis(250));
    }
  }

  private long sum(List<String> processInstanceIds,
      java.util.function.ToLongFunction<List<String>> query) {
    long total = 0;
    for (List<String> ids : chunks(processInstanceIds)) {
      total += query.applyAsLong(ids);
    }
    return total;
  }

  private static List<List<String>> chunks(List<String> ids) {
    if (ids.isEmpty()) {
      return Collections.emptyList();
    }
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += 1000) {
      chunks.add(ids.subList(from, Math.min(ids.size(), from + 1000)));
    }
    return chunks;
  }
}
