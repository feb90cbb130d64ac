package com.marketplace.disputes.benchmark;

import com.marketplace.disputes.analytics.AnalyticsPeriod;
import com.marketplace.disputes.analytics.DisputeAnalytics;
import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.identity.TasklistFilters;
import com.marketplace.disputes.support.DisputeDriver;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deadline storm and the open-state queries, on one set of disputes: {@code count} disputes
 * are opened (through the engine, or cheaply: see {@link WaitingDisputes}) and wait for their
 * sellers; then all their 15-day deadlines are
 * made due at once (the due dates moved in the job table, as if the days had passed) and the job
 * executor escalates them; then, with all of them open in the mediation queue, the queries people
 * run all day are timed.
 */
final class StormAndOpenState {

  /** What the storm did and whether each dispute was escalated exactly once. */
  record Storm(int disputes, boolean cheaplyOpened, double creationSeconds,
      double escalatedSeconds, double noticesSentSeconds, long escalationEvents, long disputesEscalatedTwice,
      long escalationNoticesSent, long noticesSentTwice) {

    boolean exactlyOnce() {
      return escalationEvents == disputes && disputesEscalatedTwice == 0
          && escalationNoticesSent == 2L * disputes && noticesSentTwice == 0;
    }
  }

  /** Latency of one query, over repeated runs after a warm-up. */
  record QueryTiming(String query, int samples, double p50Millis, double p95Millis,
      double maxMillis, int rows) {}

  private static final long PROGRESS_EVERY_NANOS = 60_000_000_000L;

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final Population population;

  StormAndOpenState(ProcessEngine engine, JdbcTemplate jdbc, Population population) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.population = population;
  }

  /**
   * Opens {@code count} disputes, through the start event or ({@code cheap} not null) all but one
   * straight at the seller's wait state, then makes their seller deadlines due at once.
   */
  Storm storm(int count, int threads, WaitingDisputes cheap) throws Exception {
    long escalatedBefore = count("select count(*) from dispute_event where event_type = 'ESCALATED'");
    long noticesBefore = escalationNoticesSent();

    int firstOrder = population.orders(count);
    long start = System.nanoTime();
    if (cheap == null) {
      Lifecycles.inParallel(threads, count, engine::getRuntimeService, (runtime, i) -> {
        int number = firstOrder + i;
        runtime.startProcessInstanceByKey("disputeMediation",
            DisputeDriver.claim(Population.orderId(number), population.buyer(number)));
      });
    } else {
      // One through the start event: the yardstick each cheaply opened one is checked against.
      engine.getRuntimeService().startProcessInstanceByKey("disputeMediation",
          DisputeDriver.claim(Population.orderId(firstOrder), population.buyer(firstOrder)));
      cheap.open(firstOrder + 1, count - 1, threads);
    }
    awaitNoticesSent(count);
    double creationSeconds = (System.nanoTime() - start) / 1e9;
    if (cheap != null && count > 1) {
      Map<String, Object> opened = cheap.shape(disputeFor(firstOrder));
      Map<String, Object> cheaply = cheap.shape(disputeFor(firstOrder + 1));
      if (!opened.equals(cheaply)) {
        throw new IllegalStateException("a cheaply opened dispute differs from one opened"
            + " through the start event:\n" + opened + "\n" + cheaply);
      }
    }

    // As if fifteen days had passed: every seller deadline of these disputes is due now.
    int moved = jdbc.update("""
        update act_ru_job set duedate_ = ?
        where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = 'SellerResponseDeadline')""",
        Timestamp.from(Instant.now().minusSeconds(1)));
    if (moved != count) {
      throw new IllegalStateException(moved + " seller deadlines moved, expected " + count);
    }
    long stormStart = System.nanoTime();
    ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
        engine.getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
    double escalatedSeconds = 0;
    long nextProgress = stormStart + PROGRESS_EVERY_NANOS;
    long limit = limitNanos(count);
    while (true) {
      long escalated = count("select count(*) from dispute_event where event_type = 'ESCALATED'")
          - escalatedBefore;
      if (System.nanoTime() > nextProgress) {
        nextProgress += PROGRESS_EVERY_NANOS;
        double seconds = (System.nanoTime() - stormStart) / 1e9;
        System.err.printf("storm: %.0f s, %d of %d escalated (%.1f/s), %d escalation notices sent%n",
            seconds, escalated, count, escalated / seconds,
            escalationNoticesSent() - noticesBefore);
      }
      if (escalatedSeconds == 0 && escalated >= count) {
        escalatedSeconds = (System.nanoTime() - stormStart) / 1e9;
      }
      if (escalatedSeconds > 0 && escalationNoticesSent() - noticesBefore >= 2L * count) {
        break;
      }
      if (System.nanoTime() - stormStart > limit) {
        throw new IllegalStateException("storm not done within " + limit / 60_000_000_000L
            + " minutes: " + escalated + " of " + count + " escalated");
      }
      Lifecycles.sleep(200);
    }
    double noticesSeconds = (System.nanoTime() - stormStart) / 1e9;
    return new Storm(count, cheap != null, creationSeconds, escalatedSeconds, noticesSeconds,
        count("select count(*) from dispute_event where event_type = 'ESCALATED'")
            - escalatedBefore,
        count("""
            select count(*) from (select dispute_id from dispute_event
              where event_type = 'ESCALATED' group by dispute_id having count(*) > 1) twice"""),
        escalationNoticesSent() - noticesBefore,
        count("""
            select count(*) from (select business_key, recipient_id from notice_outbox
              where activity_id = 'NotifyEscalation' and status = 'SENT'
              group by business_key, recipient_id having count(*) > 1) twice"""));
  }

  /** The queries of a working day, timed with every stormed dispute open in mediation. */
  List<QueryTiming> openStateQueries(DisputeRecords records, DisputeAnalytics analytics,
      int samples) {
    IdentityService identity = engine.getIdentityService();
    FilterService filters = engine.getFilterService();
    String queue = filters.createFilterQuery().filterName(TasklistFilters.MEDIATION_QUEUE)
        .singleResult().getId();
    Map<String, Supplier<Integer>> queries = new LinkedHashMap<>();
    queries.put("Tasklist \"Mediation queue\" as a mediator: first page of 15 + count", () -> {
      identity.setAuthentication(Population.MEDIATOR, List.of("mediators"));
      try {
        int rows = filters.listPage(queue, 0, 15).size();
        filters.count(queue);
        return rows;
      } finally {
        identity.clearAuthentication();
      }
    });
    AtomicInteger buyer = new AtomicInteger();
    queries.put("A buyer's \"my disputes\" (GET /api/disputes)",
        () -> records.findByParty(population.buyer(buyer.getAndAdd(7919)), 100).size());
    queries.put("Analytics page, every figure, last 30 days (GET /api/analytics)",
        () -> analytics.all(AnalyticsPeriod.of(null, null),
            new DisputeAnalytics.SellerRanking(10, 10)).size());
    List<QueryTiming> timings = new ArrayList<>();
    queries.forEach((name, query) -> {
      for (int i = 0; i < Math.max(2, samples / 10); i++) {
        query.get();
      }
      List<Long> nanos = new ArrayList<>();
      int rows = 0;
      for (int i = 0; i < samples; i++) {
        long begin = System.nanoTime();
        rows = query.get();
        nanos.add(System.nanoTime() - begin);
      }
      nanos.sort(null);
      timings.add(new QueryTiming(name, samples, percentile(nanos, 50) / 1e6,
          percentile(nanos, 95) / 1e6, nanos.get(nanos.size() - 1) / 1e6, rows));
    });
    return timings;
  }

  static double percentile(List<Long> sorted, int percent) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  /** An hour, or ten disputes a second if that is longer: a slow storm reports, it does not hang. */
  private static long limitNanos(int count) {
    return Math.max(3_600L, count / 10L) * 1_000_000_000L;
  }

  /** Waits until the dispatcher has sent every notice written so far (the opening ones). */
  private void awaitNoticesSent(int count) {
    long deadline = System.nanoTime() + limitNanos(count);
    while (count("select count(*) from notice_outbox where status in ('PENDING', 'FAILED')") > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("notices not sent in time");
      }
      Lifecycles.sleep(200);
    }
  }

  private String disputeFor(int orderNumber) {
    return jdbc.queryForObject("select dispute_id from dispute where order_id = ?", String.class,
        Population.orderId(orderNumber));
  }

  private long escalationNoticesSent() {
    return count("select count(*) from notice_outbox "
        + "where activity_id = 'NotifyEscalation' and status = 'SENT'");
  }

  private long count(String sql) {
    Long value = jdbc.queryForObject(sql, Long.class);
    return value == null ? 0 : value;
  }
}
