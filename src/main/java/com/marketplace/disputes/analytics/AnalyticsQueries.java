package com.marketplace.disputes.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind each figure, over the dispute service's own tables. Every query starts from an
 * indexed range (a period on a timestamp column, an event type, a status) so that its cost grows
 * with what the period holds, not with all disputes ever, and none looks into the timeline once
 * per dispute: the seller's first answer and the first SLA breach are kept on the dispute row
 * (V7__dispute_timeline_summary.sql); the indexes are V6__analytics_indexes.sql's and V7's. Written
 * in the SQL that H2 and PostgreSQL both accept: percentiles as percentile_cont, UTC days as the
 * date fields of {@code at time zone 'UTC'} (a cast to date would take the session's time zone).
 * Durations are the one dialect difference: H2 computes {@code extract(epoch ...)} as an exact
 * decimal, some twenty times slower than its {@code datediff} in seconds, which PostgreSQL lacks;
 * see {@link #secondsBetween}.
 */
@Repository
public class AnalyticsQueries {

  static final List<String> REASONS = List.of("NOT_RECEIVED", "DAMAGED", "NOT_AS_DESCRIBED",
      "QUALITY_PROBLEM", "QUANTITY_PROBLEM");
  static final List<String> OUTCOMES = List.of("AGREEMENT", "BUYER_NO_RESPONSE",
      "CANCELLED_BY_BUYER", "DECIDED", "AWAITING_DECISION", "OPEN");
  static final List<String> ESCALATION_REASONS = List.of("SELLER_NO_RESPONSE", "BUYER_REQUESTED",
      "SELLER_REQUESTED");
  /** Final decisions and who won by them, in the order the dashboard shows them. */
  static final Map<String, String> DECISION_OUTCOMES = orderedMap(
      "FULL_REFUND", "BUYER_WON", "RETURN_AND_REFUND", "BUYER_WON",
      "PARTIAL_REFUND", "PARTIAL", "REJECT_CLAIM", "SELLER_WON");
  /** Closures that may be appealed; cancelled and refused disputes may not. */
  static final List<String> APPEALABLE_CLOSURES = List.of("AGREEMENT", "PLATFORM_DECISION",
      "BUYER_NO_RESPONSE");

  private final JdbcClient jdbc;
  private final boolean h2;

  public AnalyticsQueries(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    try {
      this.h2 = "H2".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
          metaData -> metaData.getDatabaseProductName()));
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell which database analytics runs on", e);
    }
  }

  public FigureTable openedPerDay(AnalyticsPeriod period) {
    List<List<Object>> rows = jdbc.sql("""
        select y, m, d, reason, count(*) as disputes
        from (select extract(year from (opened_at at time zone 'UTC')) as y,
                extract(month from (opened_at at time zone 'UTC')) as m,
                extract(day from (opened_at at time zone 'UTC')) as d, reason
              from dispute
              where opened_at >= :from and opened_at < :to and status <> 'INELIGIBLE') opened
        group by y, m, d, reason
        order by y, m, d, reason""")
        .params(range(period))
        .query((rs, i) -> List.<Object>of(LocalDate.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)),
            rs.getString(4), rs.getLong(5)))
        .list();
    return new FigureTable(Figure.OPENED_PER_DAY, period, rows);
  }

  /** Open disputes by status and awaiting party, with how many of them are overdue. */
  public List<OpenCount> openByStatus(OffsetDateTime now) {
    return jdbc.sql("""
        select status, awaiting, count(*) as disputes,
          sum(case when overdue = true or due_at < :now then 1 else 0 end) as overdue
        from dispute
        where closed_at is null and status <> 'INELIGIBLE'
        group by status, awaiting""")
        .param("now", now)
        .query((rs, i) -> new OpenCount(rs.getString(1),
            rs.getString(2) == null ? "NONE" : rs.getString(2), rs.getLong(3), rs.getLong(4)))
        .list();
  }

  public FigureTable outcomes(AnalyticsPeriod period) {
    Map<String, Long> counts = counts("""
        select outcome, count(*)
        from (select case when decision is not null then 'DECIDED'
                          when escalated_at is not null then 'AWAITING_DECISION'
                          when closed_at is null then 'OPEN'
                          else closure_reason end as outcome
              from dispute
              where opened_at >= :from and opened_at < :to and status <> 'INELIGIBLE') cohort
        group by outcome""", range(period));
    return new FigureTable(Figure.OUTCOMES, period, shares(OUTCOMES, counts));
  }

  public FigureTable escalations(AnalyticsPeriod period) {
    Map<String, Long> counts = counts("""
        select escalation_reason, count(*) from dispute
        where escalated_at >= :from and escalated_at < :to
        group by escalation_reason""", range(period));
    List<List<Object>> rows = shares(ESCALATION_REASONS, counts);
    rows.forEach(row -> row.add(1,
        "SELLER_NO_RESPONSE".equals(row.get(0)) ? "AUTOMATIC" : "REQUESTED"));
    return new FigureTable(Figure.ESCALATIONS, period, rows);
  }

  public FigureTable durations(AnalyticsPeriod period) {
    Map<String, Object> params = range(period);
    List<List<Object>> rows = new ArrayList<>();
    rows.add(percentiles("SELLER_RESPONSE", "select "
        + secondsBetween("opened_at", "seller_answered_at") + """
          as seconds
        from dispute
        where seller_answered_at >= :from and seller_answered_at < :to""", params));
    rows.add(percentiles("RESOLUTION", "select "
        + secondsBetween("opened_at", "closed_at") + """
          as seconds
        from dispute
        where closed_at >= :from and closed_at < :to and closure_reason <> 'INELIGIBLE'""",
        params));
    rows.add(percentiles("MEDIATION", "select "
        + secondsBetween("escalated_at", "decided_at") + """
          as seconds
        from dispute
        where decided_at >= :from and decided_at < :to""", params));
    return new FigureTable(Figure.DURATIONS, period, rows);
  }

  public FigureTable mediationSla(AnalyticsPeriod period, OffsetDateTime now) {
    Map<String, Object> params = range(period);
    params.put("now", now);
    List<Object> decided = jdbc.sql("""
        select count(*), count(mediation_sla_breached_at)
        from dispute
        where decided_at >= :from and decided_at < :to""")
        .params(params)
        .query((rs, i) -> List.<Object>of(rs.getLong(1), rs.getLong(2)))
        .single();
    long breaches = count("""
        select count(*) from dispute_event
        where event_type = 'MEDIATION_SLA_BREACHED' and occurred_at >= :from and occurred_at < :to""",
        params);
    long overdueNow = count("""
        select count(*) from dispute
        where closed_at is null and status = 'IN_MEDIATION' and decided_at is null
          and (overdue = true or due_at < :now)""", params);
    long decidedCount = (Long) decided.get(0);
    long late = (Long) decided.get(1);
    List<Object> row = new ArrayList<>();
    row.add(decidedCount);
    row.add(late);
    row.add(rate(late, decidedCount));
    row.add(breaches);
    row.add(overdueNow);
    return new FigureTable(Figure.MEDIATION_SLA, period, List.of(row));
  }

  public FigureTable decisions(AnalyticsPeriod period) {
    Map<String, Long> counts = counts("""
        select decision, count(*) from dispute
        where decided_at >= :from and decided_at < :to
        group by decision""", range(period));
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    List<List<Object>> rows = new ArrayList<>();
    DECISION_OUTCOMES.forEach((decision, outcome) -> {
      long n = counts.getOrDefault(decision, 0L);
      rows.add(row(outcome, decision, n, rate(n, total)));
    });
    return new FigureTable(Figure.DECISIONS, period, rows);
  }

  public FigureTable refunds(AnalyticsPeriod period) {
    List<List<Object>> rows = jdbc.sql("""
        select currency, count(*), count(distinct dispute_id), sum(amount)
        from refund
        where requested_at >= :from and requested_at < :to
        group by currency
        order by currency""")
        .params(range(period))
        .query((rs, i) -> row(rs.getString(1), rs.getLong(2), rs.getLong(3),
            rs.getBigDecimal(4).setScale(2, RoundingMode.UNNECESSARY)))
        .list();
    return new FigureTable(Figure.REFUNDS, period, rows);
  }

  public FigureTable appeals(AnalyticsPeriod period) {
    Map<String, Object> params = range(period);
    params.put("appealable", APPEALABLE_CLOSURES);
    long closed = count("""
        select count(*) from dispute
        where closed_at >= :from and closed_at < :to and closure_reason in (:appealable)""",
        params);
    // An appeal follows its dispute's closure, so its event is no earlier than the period's
    // start: that bound lets the event-type index drive the join.
    long appealed = count("""
        select count(distinct d.dispute_id)
        from dispute_event e join dispute d on d.dispute_id = e.dispute_id
        where e.event_type = 'APPEAL_FILED' and e.occurred_at >= :from
          and d.closed_at >= :from and d.closed_at < :to and d.closure_reason in (:appealable)""",
        params);
    long overturned = count("""
        select count(*) from dispute_event
        where event_type = 'APPEAL_OVERTURNED' and occurred_at >= :from and occurred_at < :to""",
        params);
    long appealDecisions = overturned + count("""
        select count(*) from dispute_event
        where event_type = 'APPEAL_UPHELD' and occurred_at >= :from and occurred_at < :to""",
        params);
    List<Object> row = new ArrayList<>();
    row.add(closed);
    row.add(appealed);
    row.add(rate(appealed, closed));
    row.add(appealDecisions);
    row.add(overturned);
    row.add(rate(overturned, appealDecisions));
    return new FigureTable(Figure.APPEALS, period, List.of(row));
  }

  public FigureTable topSellers(AnalyticsPeriod period, int minOrders, int limit) {
    Map<String, Object> params = range(period);
    params.put("minOrders", minOrders);
    params.put("limit", limit);
    List<List<Object>> rows = new ArrayList<>();
    jdbc.sql("""
        select seller_id, orders, disputes
        from (select s.seller_id, s.disputes,
                (select count(*) from market_order o
                 where o.seller_id = s.seller_id
                   and o.shipped_at >= :from and o.shipped_at < :to) as orders
              from (select seller_id, count(*) as disputes
                    from dispute
                    where opened_at >= :from and opened_at < :to and status <> 'INELIGIBLE'
                    group by seller_id) s) rated
        where orders >= :minOrders and orders > 0
        order by cast(disputes as double precision) / orders desc, disputes desc, seller_id
        limit :limit""")
        .params(params)
        .query((rs, i) -> {
          long orders = rs.getLong(2);
          long disputes = rs.getLong(3);
          return row(i + 1L, rs.getString(1), orders, disputes, rate(disputes, orders));
        })
        .list()
        .forEach(rows::add);
    return new FigureTable(Figure.TOP_SELLERS, period, rows);
  }

  /** A status and awaiting party with its open disputes and how many are overdue. */
  public record OpenCount(String status, String awaiting, long disputes, long overdue) {}

  private List<Object> percentiles(String measure, String durationsSql,
      Map<String, Object> params) {
    return jdbc.sql("select count(*), percentile_cont(0.5) within group (order by seconds), "
            + "percentile_cont(0.9) within group (order by seconds) from (" + durationsSql
            + ") durations")
        .params(params)
        .query((rs, i) -> row(measure, rs.getLong(1), hours(rs.getObject(2)),
            hours(rs.getObject(3))))
        .single();
  }

  /** Seconds from one timestamp to another, whole seconds on H2 (the figures show hours). */
  private String secondsBetween(String from, String to) {
    return h2 ? "cast(datediff('SECOND', " + from + ", " + to + ") as double precision)"
        : "cast(extract(epoch from " + to + ") - extract(epoch from " + from
            + ") as double precision)";
  }

  private Map<String, Long> counts(String sql, Map<String, Object> params) {
    Map<String, Long> counts = new HashMap<>();
    jdbc.sql(sql).params(params).query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2)))
        .list();
    return counts;
  }

  private long count(String sql, Map<String, Object> params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  /** One row per key in the given order (zero when absent), with its share of the total. */
  private static List<List<Object>> shares(List<String> keys, Map<String, Long> counts) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    List<List<Object>> rows = new ArrayList<>();
    for (String key : keys) {
      long n = counts.getOrDefault(key, 0L);
      rows.add(row(key, n, rate(n, total)));
    }
    return rows;
  }

  static BigDecimal rate(long numerator, long denominator) {
    return denominator == 0 ? null
        : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4,
            RoundingMode.HALF_UP);
  }

  private static BigDecimal hours(Object seconds) {
    return seconds == null ? null
        : BigDecimal.valueOf(((Number) seconds).doubleValue()).divide(BigDecimal.valueOf(3600), 2,
            RoundingMode.HALF_UP);
  }

  private static Map<String, Object> range(AnalyticsPeriod period) {
    Map<String, Object> params = new HashMap<>();
    params.put("from", period.start());
    params.put("to", period.end());
    return params;
  }

  private static List<Object> row(Object... values) {
    List<Object> row = new ArrayList<>();
    Collections.addAll(row, values);
    return row;
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
