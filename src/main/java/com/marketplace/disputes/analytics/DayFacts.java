package com.marketplace.disputes.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * What happened on each UTC day of a time range, counted from the dispute tables: the facts that
 * no longer change once their day is over. The same queries count the days {@link SettledDays}
 * keeps and the recent days a figure reads live, so the two always agree. Each starts from an
 * indexed range of one timestamp (V6__analytics_indexes.sql, V7__dispute_timeline_summary.sql).
 */
@Repository
public class DayFacts {

  /** Kinds of event counted per day, each with what it is broken down by ('' for nothing). */
  public enum Count {
    /** Disputes opened, refused requests left out, by reason. */
    OPENED("""
        select opened_at as at, reason as item, cast(null as numeric(19, 2)) as amount
        from dispute
        where opened_at >= :from and opened_at < :to and status <> 'INELIGIBLE'"""),
    /** Escalations by why (seller silence or a party's request). */
    ESCALATED("""
        select escalated_at as at, escalation_reason as item,
          cast(null as numeric(19, 2)) as amount
        from dispute
        where escalated_at >= :from and escalated_at < :to"""),
    /** Platform decisions by decision. */
    DECIDED("""
        select decided_at as at, decision as item, cast(null as numeric(19, 2)) as amount
        from dispute
        where decided_at >= :from and decided_at < :to"""),
    /** Platform decisions made after the mediation SLA had run out. */
    DECIDED_AFTER_SLA_BREACH("""
        select decided_at as at, '' as item, cast(null as numeric(19, 2)) as amount
        from dispute
        where decided_at >= :from and decided_at < :to
          and mediation_sla_breached_at is not null"""),
    /** Every time a mediation SLA ran out (a dispute may breach it more than once). */
    SLA_BREACHED(events("MEDIATION_SLA_BREACHED")),
    /** Disputes closed in a way that may be appealed. */
    CLOSED_APPEALABLE("""
        select closed_at as at, '' as item, cast(null as numeric(19, 2)) as amount
        from dispute
        where closed_at >= :from and closed_at < :to and closure_reason in ('"""
        + String.join("', '", AnalyticsQueries.APPEALABLE_CLOSURES) + "')"),
    APPEAL_OVERTURNED(events("APPEAL_OVERTURNED")),
    APPEAL_UPHELD(events("APPEAL_UPHELD")),
    /** Refunds paid, by currency, with the sum paid. */
    REFUNDED("""
        select requested_at as at, currency as item, amount from refund
        where requested_at >= :from and requested_at < :to"""),
    /**
     * Refunds that followed an earlier one of the same dispute in the same currency, by currency
     * and the UTC day of that earlier refund ("USD/2026-3-11"). A period's refunds less those
     * whose earlier refund falls in the period too are the disputes it refunded.
     */
    REFUND_REPEATED("""
        select at, currency || '/' || cast(cast(extract(year from (previous at time zone 'UTC'))
            as integer) as varchar(4)) || '-' || cast(cast(extract(month from (previous at time
            zone 'UTC')) as integer) as varchar(2)) || '-' || cast(cast(extract(day from (previous
            at time zone 'UTC')) as integer) as varchar(2)) as item,
          cast(null as numeric(19, 2)) as amount
        from (select r.requested_at as at, r.currency,
                (select max(p.requested_at) from refund p
                 where p.dispute_id = r.dispute_id and p.currency = r.currency
                   and p.requested_at < r.requested_at) as previous
              from refund r
              where r.requested_at >= :from and r.requested_at < :to) refunds
        where previous is not null""");

    private final String sql;

    Count(String sql) {
      this.sql = sql;
    }

    private static String events(String type) {
      return "select occurred_at as at, '' as item, cast(null as numeric(19, 2)) as amount"
          + " from dispute_event where event_type = '" + type
          + "' and occurred_at >= :from and occurred_at < :to";
    }
  }

  /**
   * Events counted on the day they happened but kept by the day of the dispute's earlier moment
   * they belong to (its cohort), for figures about the disputes opened or closed in a period:
   * once a dispute is closed, how it ended no longer changes, and a dispute is appealed for the
   * first time only once. Each query answers the event's moment ({@code at}), the cohort's
   * ({@code cohort}) and a breakdown ({@code item}).
   */
  public enum Cohort {
    /**
     * Disputes closed, refused requests left out, by how they ended, kept by the day they were
     * opened. DECIDED when a mediator decided them, else their closure reason.
     */
    CLOSED_BY_OPENING("""
        select closed_at as at, opened_at as cohort,
          case when decided_at is not null then 'DECIDED' else closure_reason end as item
        from dispute
        where closed_at >= :from and closed_at < :to and status <> 'INELIGIBLE'"""),
    /**
     * Disputes appealed for the first time, kept by the day they were closed, for the closures
     * that may be appealed.
     */
    APPEALED_BY_CLOSING("""
        select e.occurred_at as at, d.closed_at as cohort, '' as item
        from dispute_event e join dispute d on d.dispute_id = e.dispute_id
        where e.event_type = 'APPEAL_FILED' and e.occurred_at >= :from and e.occurred_at < :to
          and d.closure_reason in ('"""
        + String.join("', '", AnalyticsQueries.APPEALABLE_CLOSURES) + """
        ')
          and not exists (select 1 from dispute_event p
            where p.dispute_id = e.dispute_id and p.event_type = 'APPEAL_FILED'
              and (p.occurred_at < e.occurred_at
                or p.occurred_at = e.occurred_at and p.event_id < e.event_id))""");

    private final String sql;

    Cohort(String sql) {
      this.sql = sql;
    }
  }

  /** Durations, each counted on the day it ended. */
  public enum Duration {
    /** From opening to the seller's first answer. */
    SELLER_RESPONSE("opened_at", "seller_answered_at", ""),
    /** From opening to closure, refused requests left out. */
    RESOLUTION("opened_at", "closed_at", "and closure_reason <> 'INELIGIBLE'"),
    /** From escalation to the platform's decision. */
    MEDIATION("escalated_at", "decided_at", "");

    private final String start;
    private final String end;
    private final String condition;

    Duration(String start, String end, String condition) {
      this.start = start;
      this.end = end;
      this.condition = condition;
    }
  }

  /** So many of a kind, broken down by item, on a day, with the sum paid (refunds only). */
  public record DayCount(LocalDate day, String item, long occurrences, BigDecimal amount) {}

  /** So many events of a kind on a day, by item, that belong to a cohort's day. */
  public record CohortCount(LocalDate cohortDay, LocalDate day, String item, long occurrences) {}

  /**
   * Durations that fell into one bucket: bucket b holds those from 1.02^b seconds up to
   * 1.02^(b+1) (bucket -1: under a second), with the shortest and longest of them.
   */
  public record Bucket(int bucket, long occurrences, double shortestSeconds,
      double longestSeconds) {

    /** The same bucket's durations of two days, or of kept days and live ones. */
    Bucket merge(Bucket other) {
      return new Bucket(bucket, occurrences + other.occurrences,
          Math.min(shortestSeconds, other.shortestSeconds),
          Math.max(longestSeconds, other.longestSeconds));
    }

    /**
     * The {@code index}th shortest (from 0) of the bucket's durations, as far as the bucket
     * tells: exact for its shortest and longest, in between spread evenly.
     */
    double at(long index) {
      return occurrences == 1 ? shortestSeconds
          : shortestSeconds + (longestSeconds - shortestSeconds) * index / (occurrences - 1);
    }
  }

  /** A day's durations in one bucket. */
  public record DayBucket(LocalDate day, Bucket bucket) {}

  /** Width of a duration bucket: each is 2 % longer than the one before. */
  static final double BUCKET_GROWTH = 1.02;

  private final JdbcClient jdbc;
  private final boolean h2;

  public DayFacts(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    try {
      this.h2 = "H2".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
          metaData -> metaData.getDatabaseProductName()));
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell which database analytics runs on", e);
    }
  }

  /** How many of a kind happened each day from {@code from} up to {@code to}. */
  public List<DayCount> count(Count fact, Instant from, Instant to) {
    return jdbc.sql("select y, m, d, item, count(*), sum(amount) from (select " + utcDay("at")
            + ", item, amount from (" + fact.sql + ") facts) days"
            + " group by y, m, d, item order by y, m, d, item")
        .param("from", utc(from)).param("to", utc(to))
        .query((rs, i) -> new DayCount(LocalDate.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)),
            rs.getString(4) == null ? "" : rs.getString(4), rs.getLong(5), rs.getBigDecimal(6)))
        .list();
  }

  /**
   * How many events of a kind happened each day from {@code from} up to {@code to}, by the day
   * of their cohort and item.
   */
  public List<CohortCount> count(Cohort fact, Instant from, Instant to) {
    return jdbc.sql("select cy, cm, cd, y, m, d, item, count(*) from (select "
            + utcDay("cohort", "c") + ", " + utcDay("at", "") + ", item from (" + fact.sql
            + ") facts) days group by cy, cm, cd, y, m, d, item order by cy, cm, cd, y, m, d, item")
        .param("from", utc(from)).param("to", utc(to))
        .query((rs, i) -> new CohortCount(LocalDate.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)),
            LocalDate.of(rs.getInt(4), rs.getInt(5), rs.getInt(6)),
            rs.getString(7) == null ? "" : rs.getString(7), rs.getLong(8)))
        .list();
  }

  /** The durations that ended each day from {@code from} up to {@code to}, in buckets. */
  public List<DayBucket> durations(Duration measure, Instant from, Instant to) {
    String seconds = secondsBetween(measure.start, measure.end);
    return jdbc.sql("select y, m, d, bucket, count(*), min(seconds), max(seconds)"
            + " from (select " + utcDay("at") + ", seconds, case when seconds < 1 then -1"
            + " else cast(floor(ln(seconds) / ln(" + BUCKET_GROWTH + ")) as integer) end"
            + " as bucket from (select " + measure.end + " as at, " + seconds + " as seconds"
            + " from dispute where " + measure.end + " >= :from and " + measure.end + " < :to "
            + measure.condition + ") ended) bucketed"
            + " group by y, m, d, bucket order by y, m, d, bucket")
        .param("from", utc(from)).param("to", utc(to))
        .query((rs, i) -> new DayBucket(LocalDate.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)),
            new Bucket(rs.getInt(4), rs.getLong(5), rs.getDouble(6), rs.getDouble(7))))
        .list();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** The UTC day of a timestamp as columns y, m, d (a cast to date would take the session's zone). */
  static String utcDay(String column) {
    return utcDay(column, "");
  }

  /** The same, as columns prefixed y, prefixed m and prefixed d. */
  private static String utcDay(String column, String prefix) {
    return "extract(year from (" + column + " at time zone 'UTC')) as " + prefix + "y, "
        + "extract(month from (" + column + " at time zone 'UTC')) as " + prefix + "m, "
        + "extract(day from (" + column + " at time zone 'UTC')) as " + prefix + "d";
  }

  /**
   * Seconds from one timestamp to another. H2 computes {@code extract(epoch ...)} as an exact
   * decimal, some twenty times slower than its {@code datediff} in whole seconds, which
   * PostgreSQL lacks; the figures show hours, so whole seconds are enough.
   */
  private String secondsBetween(String from, String to) {
    return h2 ? "cast(datediff('SECOND', " + from + ", " + to + ") as double precision)"
        : "cast(extract(epoch from " + to + ") - extract(epoch from " + from
            + ") as double precision)";
  }
}
