package com.marketplace.disputes.analytics;

import com.marketplace.disputes.analytics.DayFacts.Bucket;
import com.marketplace.disputes.analytics.DayFacts.Cohort;
import com.marketplace.disputes.analytics.DayFacts.Count;
import com.marketplace.disputes.analytics.DayFacts.DayCount;
import com.marketplace.disputes.analytics.DayFacts.Duration;
import com.marketplace.disputes.kernel.AppClock;
import com.marketplace.disputes.orders.OrderShipmentChanged;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A period's {@link DayFacts}, read from the days already settled and counted live for the rest.
 * A day is settled once it has been over for {@code disputes.analytics.settle-after} (so that no
 * transaction still running at midnight can add to it): its facts are counted then, the first
 * time a figure asks for that day, and kept (V8__analytics_settled_days.sql). A period of a year
 * then costs a few thousand kept rows and one live day or two, not a million disputes. Events
 * that a figure counts by their dispute's opening or closing day ({@link Cohort}) are settled with
 * the day they happened and kept by that earlier day.
 *
 * <p>The facts of a settled day are not counted again. Whatever writes a day's history after the
 * day (demo history, a data repair) calls {@link #forget()}.
 */
@Component
public class SettledDays {

  /** What settling keeps: each table of marks after the facts it marks, for forget(). */
  static final List<String> TABLES = List.of("analytics_day_count", "analytics_day_duration",
      "analytics_cohort_count", "analytics_settled_day", "analytics_seller_month",
      "analytics_settled_month");
  /** No later than any event: the end of a live count that has none. */
  private static final Instant FOREVER = Instant.parse("9999-01-01T00:00:00Z");

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final DayFacts facts;
  private final TransactionTemplate ownTransaction;
  private final java.time.Duration settleAfter;

  public SettledDays(JdbcClient jdbc, JdbcTemplate batch, DayFacts facts,
      PlatformTransactionManager transactions,
      @Value("${disputes.analytics.settle-after:PT1H}") java.time.Duration settleAfter) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.facts = facts;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.settleAfter = settleAfter;
  }

  /** So many of a kind each day of the period, by item, in order of day and item. */
  public List<DayCount> count(Count fact, AnalyticsPeriod period) {
    LocalDate open = settle(period);
    List<DayCount> counts = new ArrayList<>();
    if (period.from().isBefore(open)) {
      counts.addAll(jdbc.sql("""
          select fact_day, item, occurrences, amount from analytics_day_count
          where fact = :fact and fact_day >= :from and fact_day < :to
          order by fact_day, item""")
          .param("fact", fact.name()).param("from", Date.valueOf(period.from()))
          .param("to", Date.valueOf(open))
          .query((rs, i) -> new DayCount(rs.getDate(1).toLocalDate(), rs.getString(2),
              rs.getLong(3), rs.getBigDecimal(4)))
          .list());
    }
    if (!open.isAfter(period.to())) {
      counts.addAll(facts.count(fact, start(later(period.from(), open)),
          period.end().toInstant()));
    }
    return counts;
  }

  /**
   * The events of a kind, by item, that belong to the disputes of the period's days (opened or
   * closed then, as the kind says), whenever they happened up to now. They happen on the
   * cohort's day or later, so the days from the period's first up to today are settled first.
   */
  public Map<String, Long> total(Cohort fact, AnalyticsPeriod period) {
    LocalDate open = settle(period.from(), null);
    Map<String, Long> totals = new HashMap<>();
    jdbc.sql("""
        select item, sum(occurrences) from analytics_cohort_count
        where fact = :fact and cohort_day >= :from and cohort_day <= :to
        group by item""")
        .param("fact", fact.name()).param("from", Date.valueOf(period.from()))
        .param("to", Date.valueOf(period.to()))
        .query((rs, i) -> totals.merge(rs.getString(1), rs.getLong(2), Long::sum))
        .list();
    facts.count(fact, start(later(period.from(), open)), FOREVER).stream()
        .filter(event -> !event.cohortDay().isBefore(period.from())
            && !event.cohortDay().isAfter(period.to()))
        .forEach(event -> totals.merge(event.item(), event.occurrences(), Long::sum));
    return totals;
  }

  /** The durations that ended in the period, in buckets, in order of bucket. */
  public List<Bucket> durations(Duration measure, AnalyticsPeriod period) {
    LocalDate open = settle(period);
    TreeMap<Integer, Bucket> buckets = new TreeMap<>();
    if (period.from().isBefore(open)) {
      jdbc.sql("""
          select bucket, sum(occurrences), min(shortest_seconds), max(longest_seconds)
          from analytics_day_duration
          where measure = :measure and fact_day >= :from and fact_day < :to
          group by bucket""")
          .param("measure", measure.name()).param("from", Date.valueOf(period.from()))
          .param("to", Date.valueOf(open))
          .query((rs, i) -> new Bucket(rs.getInt(1), rs.getLong(2), rs.getDouble(3),
              rs.getDouble(4)))
          .list()
          .forEach(bucket -> buckets.merge(bucket.bucket(), bucket, Bucket::merge));
    }
    if (!open.isAfter(period.to())) {
      facts.durations(measure, start(later(period.from(), open)), period.end().toInstant())
          .forEach(day -> buckets.merge(day.bucket().bucket(), day.bucket(), Bucket::merge));
    }
    return new ArrayList<>(buckets.values());
  }

  /** Drops every settled day: their facts are counted again when next asked for. */
  public void forget() {
    for (String table : TABLES) {
      jdbc.sql("delete from " + table).update();
    }
  }

  /**
   * Settles the period's days that are over and not settled yet, and answers the first day of
   * the period (or the day after it) that is not settled.
   */
  public LocalDate settle(AnalyticsPeriod period) {
    return settle(period.from(), period.to().plusDays(1));
  }

  /**
   * Settles the days from {@code from} up to {@code end} (or up to now when null) that are over
   * and not settled yet, and answers the first of them that is not settled. One request at a
   * time: the dashboard asks for all its figures at once, and each would otherwise count the
   * same days.
   */
  private synchronized LocalDate settle(LocalDate from, LocalDate end) {
    LocalDate open = firstOpenDay();
    if (end != null && end.isBefore(open)) {
      open = end;
    }
    if (from.isBefore(open)) {
      Set<LocalDate> settled = new HashSet<>(jdbc.sql("""
          select fact_day from analytics_settled_day where fact_day >= :from and fact_day < :to""")
          .param("from", Date.valueOf(from)).param("to", Date.valueOf(open))
          .query((rs, i) -> rs.getDate(1).toLocalDate())
          .list());
      for (LocalDate day = from; day.isBefore(open); day = day.plusDays(1)) {
        if (!settled.contains(day)) {
          settle(day);
        }
      }
    }
    return open;
  }

  /** Counts the day's facts and keeps them, in a transaction of its own. */
  private void settle(LocalDate day) {
    inOwnTransaction("analytics_settled_day", "fact_day", day, () -> {
      Instant from = start(day);
      Instant to = start(day.plusDays(1));
      List<Object[]> counts = new ArrayList<>();
      for (Count fact : Count.values()) {
        facts.count(fact, from, to).forEach(count -> counts.add(new Object[] {
            Date.valueOf(day), fact.name(), count.item(), count.occurrences(),
            count.amount()}));
      }
      batch.batchUpdate("""
          insert into analytics_day_count (fact_day, fact, item, occurrences, amount)
          values (?, ?, ?, ?, ?)""", counts);
      List<Object[]> buckets = new ArrayList<>();
      for (Duration measure : Duration.values()) {
        facts.durations(measure, from, to).forEach(ended -> buckets.add(new Object[] {
            Date.valueOf(day), measure.name(), ended.bucket().bucket(),
            ended.bucket().occurrences(), ended.bucket().shortestSeconds(),
            ended.bucket().longestSeconds()}));
      }
      batch.batchUpdate("""
          insert into analytics_day_duration (fact_day, measure, bucket, occurrences,
            shortest_seconds, longest_seconds)
          values (?, ?, ?, ?, ?, ?)""", buckets);
      List<Object[]> cohorts = new ArrayList<>();
      for (Cohort fact : Cohort.values()) {
        facts.count(fact, from, to).forEach(count -> cohorts.add(new Object[] {
            fact.name(), Date.valueOf(count.cohortDay()), Date.valueOf(day), count.item(),
            count.occurrences()}));
      }
      batch.batchUpdate("""
          insert into analytics_cohort_count (fact, cohort_day, fact_day, item, occurrences)
          values (?, ?, ?, ?, ?)""", cohorts);
    });
  }

  /**
   * The calendar months (UTC, by first day) wholly inside the period that are over, settled now
   * if they were not yet, in order. Each month is one run of days; the months of a period that
   * are over come one after the other.
   */
  public synchronized List<LocalDate> settledMonths(AnalyticsPeriod period) {
    LocalDate open = firstOpenDay();
    List<LocalDate> months = new ArrayList<>();
    for (LocalDate month = period.from().withDayOfMonth(1); !month.plusMonths(1).isAfter(open)
        && !month.plusMonths(1).minusDays(1).isAfter(period.to()); month = month.plusMonths(1)) {
      if (!month.isBefore(period.from())) {
        months.add(month);
      }
    }
    if (!months.isEmpty()) {
      Set<LocalDate> settled = new HashSet<>(jdbc.sql("""
          select month_start from analytics_settled_month
          where month_start >= :from and month_start <= :to""")
          .param("from", Date.valueOf(months.get(0)))
          .param("to", Date.valueOf(months.get(months.size() - 1)))
          .query((rs, i) -> rs.getDate(1).toLocalDate())
          .list());
      months.stream().filter(month -> !settled.contains(month)).forEach(this::settleMonth);
    }
    return months;
  }

  /**
   * Disputes and orders per seller over settled months from {@code from} up to {@code to}, both
   * first days of a month: the disputes as they are, the orders as known when each month
   * settled.
   */
  public Map<String, long[]> sellerMonths(LocalDate from, LocalDate to) {
    Map<String, long[]> sellers = new HashMap<>();
    jdbc.sql("""
        select seller_id, sum(disputes), sum(orders) from analytics_seller_month
        where month_start >= :from and month_start < :to
        group by seller_id""")
        .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
        .query((rs, i) -> sellers.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}))
        .list();
    return sellers;
  }

  /** The month the order was counted in counts again: the order has moved out of it. */
  @EventListener
  public void orderMoved(OrderShipmentChanged change) {
    LocalDate month = LocalDate.ofInstant(change.previousShippedAt(), ZoneOffset.UTC)
        .withDayOfMonth(1);
    ownTransaction.executeWithoutResult(status -> {
      for (String table : List.of("analytics_seller_month", "analytics_settled_month")) {
        jdbc.sql("delete from " + table + " where month_start = :month")
            .param("month", Date.valueOf(month)).update();
      }
    });
  }

  private void settleMonth(LocalDate month) {
    inOwnTransaction("analytics_settled_month", "month_start", month, () -> jdbc.sql("""
        insert into analytics_seller_month (month_start, seller_id, disputes, orders)
        select :month, seller_id, sum(disputes), sum(orders)
        from (select seller_id, count(*) as disputes, 0 as orders from dispute
              where opened_at >= :from and opened_at < :to and status <> 'INELIGIBLE'
              group by seller_id
              union all
              select seller_id, 0, count(*) from market_order
              where shipped_at >= :from and shipped_at < :to
              group by seller_id) counted
        group by seller_id""")
        .param("month", Date.valueOf(month))
        .param("from", start(month).atOffset(ZoneOffset.UTC))
        .param("to", start(month.plusMonths(1)).atOffset(ZoneOffset.UTC))
        .update());
  }

  /**
   * Marks the day or month settled and keeps its facts, in a transaction of its own. The mark
   * comes first, so that of two nodes settling the same day the second fails before counting.
   */
  private void inOwnTransaction(String marks, String key, LocalDate settled, Runnable keep) {
    try {
      ownTransaction.executeWithoutResult(status -> {
        jdbc.sql("insert into " + marks + " (" + key + ", settled_at) values (:key, :now)")
            .param("key", Date.valueOf(settled))
            .param("now", Timestamp.from(AppClock.now()))
            .update();
        keep.run();
      });
    } catch (DataAccessException e) {
      Integer marked = jdbc.sql("select count(*) from " + marks + " where " + key + " = :key")
          .param("key", Date.valueOf(settled)).query(Integer.class).single();
      if (marked == 0) {
        throw e;
      }
      // Settled at the same time by another node or request: its facts stand.
    }
  }

  /** The first day that is not over long enough to be settled. */
  private LocalDate firstOpenDay() {
    return LocalDate.ofInstant(AppClock.now().minus(settleAfter), ZoneOffset.UTC);
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant start(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
