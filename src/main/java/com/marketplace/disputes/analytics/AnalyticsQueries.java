package com.marketplace.disputes.analytics;

import com.marketplace.disputes.analytics.DayFacts.Bucket;
import com.marketplace.disputes.analytics.DayFacts.Cohort;
import com.marketplace.disputes.analytics.DayFacts.Count;
import com.marketplace.disputes.analytics.DayFacts.DayCount;
import com.marketplace.disputes.analytics.DayFacts.Duration;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How each figure is computed. Opened, escalated, decided and closed disputes, SLA breaches,
 * appeal decisions and durations are counted per day ({@link DayFacts}), and so are closures and
 * appeals by the day their dispute was opened or closed: a period reads the days already settled
 * ({@link SettledDays}) and counts only its last day or two live. The rest reads
 * the dispute service's own tables, each query from an indexed range (a period on a timestamp
 * column, an event type, a status: V6__analytics_indexes.sql, V7__dispute_timeline_summary.sql),
 * in the SQL that H2 and PostgreSQL both accept.
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
  private final SettledDays days;
  /** How many sellers' orders one query counts. */
  private final int orderCountBatch;

  @Autowired
  public AnalyticsQueries(JdbcClient jdbc, SettledDays days) {
    this(jdbc, days, 500);
  }

  AnalyticsQueries(JdbcClient jdbc, SettledDays days, int orderCountBatch) {
    this.jdbc = jdbc;
    this.days = days;
    this.orderCountBatch = orderCountBatch;
  }

  public FigureTable openedPerDay(AnalyticsPeriod period) {
    List<List<Object>> rows = days.count(Count.OPENED, period).stream()
        .map(opened -> List.<Object>of(opened.day(), opened.item(), opened.occurrences()))
        .toList();
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

  /**
   * The closed disputes of the period's cohort come from their closing days
   * ({@link Cohort#CLOSED_BY_OPENING}); the ones still open, a small share of all, are read live.
   */
  public FigureTable outcomes(AnalyticsPeriod period) {
    Map<String, Long> counts = days.total(Cohort.CLOSED_BY_OPENING, period);
    counts("""
        select outcome, count(*)
        from (select case when decided_at is not null then 'DECIDED'
                          when escalated_at is not null then 'AWAITING_DECISION'
                          else 'OPEN' end as outcome
              from dispute
              where closed_at is null and opened_at >= :from and opened_at < :to
                and status <> 'INELIGIBLE') still_open
        group by outcome""", range(period))
        .forEach((outcome, n) -> counts.merge(outcome, n, Long::sum));
    return new FigureTable(Figure.OUTCOMES, period, shares(OUTCOMES, counts));
  }

  public FigureTable escalations(AnalyticsPeriod period) {
    List<List<Object>> rows = shares(ESCALATION_REASONS, total(Count.ESCALATED, period));
    rows.forEach(row -> row.add(1,
        "SELLER_NO_RESPONSE".equals(row.get(0)) ? "AUTOMATIC" : "REQUESTED"));
    return new FigureTable(Figure.ESCALATIONS, period, rows);
  }

  /**
   * Medians and 90th percentiles, interpolated between neighbours as {@code percentile_cont}
   * does. Each duration is known from its 2 % bucket (see {@link DayFacts.Bucket#at}): exact
   * while its bucket holds no more than two durations, within 2 % of the truth when it holds more.
   */
  public FigureTable durations(AnalyticsPeriod period) {
    List<List<Object>> rows = new ArrayList<>();
    for (Duration measure : Duration.values()) {
      List<Bucket> buckets = days.durations(measure, period);
      long count = buckets.stream().mapToLong(Bucket::occurrences).sum();
      rows.add(count == 0 ? row(measure.name(), 0L, null, null)
          : row(measure.name(), count, hours(percentile(buckets, count, 0.5)),
              hours(percentile(buckets, count, 0.9))));
    }
    return new FigureTable(Figure.DURATIONS, period, rows);
  }

  public FigureTable mediationSla(AnalyticsPeriod period, OffsetDateTime now) {
    long decidedCount = sum(Count.DECIDED, period);
    long late = sum(Count.DECIDED_AFTER_SLA_BREACH, period);
    long breaches = sum(Count.SLA_BREACHED, period);
    long overdueNow = count("""
        select count(*) from dispute
        where closed_at is null and status = 'IN_MEDIATION' and decided_at is null
          and (overdue = true or due_at < :now)""", Map.of("now", now));
    List<Object> row = new ArrayList<>();
    row.add(decidedCount);
    row.add(late);
    row.add(rate(late, decidedCount));
    row.add(breaches);
    row.add(overdueNow);
    return new FigureTable(Figure.MEDIATION_SLA, period, List.of(row));
  }

  public FigureTable decisions(AnalyticsPeriod period) {
    Map<String, Long> counts = total(Count.DECIDED, period);
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    List<List<Object>> rows = new ArrayList<>();
    DECISION_OUTCOMES.forEach((decision, outcome) -> {
      long n = counts.getOrDefault(decision, 0L);
      rows.add(row(outcome, decision, n, rate(n, total)));
    });
    return new FigureTable(Figure.DECISIONS, period, rows);
  }

  /**
   * Refunds, disputes refunded and the sum paid, per currency. A dispute refunded twice in the
   * period counts once: the refunds whose earlier refund of the same dispute also falls in the
   * period are taken off ({@link Count#REFUND_REPEATED}).
   */
  public FigureTable refunds(AnalyticsPeriod period) {
    Map<String, Long> refunds = new TreeMap<>();
    Map<String, BigDecimal> paid = new HashMap<>();
    for (DayCount day : days.count(Count.REFUNDED, period)) {
      refunds.merge(day.item(), day.occurrences(), Long::sum);
      paid.merge(day.item(), day.amount(), BigDecimal::add);
    }
    Map<String, Long> repeated = new HashMap<>();
    for (DayCount day : days.count(Count.REFUND_REPEATED, period)) {
      String[] currencyAndDay = day.item().split("/");
      String[] ymd = currencyAndDay[1].split("-");
      LocalDate earlier = LocalDate.of(Integer.parseInt(ymd[0]), Integer.parseInt(ymd[1]),
          Integer.parseInt(ymd[2]));
      if (!earlier.isBefore(period.from())) {
        repeated.merge(currencyAndDay[0], day.occurrences(), Long::sum);
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    refunds.forEach((currency, count) -> rows.add(row(currency, count,
        count - repeated.getOrDefault(currency, 0L),
        paid.get(currency).setScale(2, RoundingMode.UNNECESSARY))));
    return new FigureTable(Figure.REFUNDS, period, rows);
  }

  public FigureTable appeals(AnalyticsPeriod period) {
    long closed = sum(Count.CLOSED_APPEALABLE, period);
    long appealed = days.total(Cohort.APPEALED_BY_CLOSING, period).values().stream()
        .mapToLong(Long::longValue).sum();
    long overturned = sum(Count.APPEAL_OVERTURNED, period);
    long appealDecisions = overturned + sum(Count.APPEAL_UPHELD, period);
    List<Object> row = new ArrayList<>();
    row.add(closed);
    row.add(appealed);
    row.add(rate(appealed, closed));
    row.add(appealDecisions);
    row.add(overturned);
    row.add(rate(overturned, appealDecisions));
    return new FigureTable(Figure.APPEALS, period, List.of(row));
  }

  /**
   * Sellers by dispute rate. Their disputes are counted first; their orders only as long as they
   * can still make the list. Sellers are taken by the highest rate they could reach: d disputes
   * over the orders they are known to have at least (minOrders when fewer), and once that is below
   * the last listed rate no later seller can make the list. The calendar months wholly inside the
   * period that are over come from {@link SettledDays#sellerMonths}: their disputes, and their
   * orders as a lower bound; the days around them are counted live. Within a month, the bound is
   * minOrders; over a year it is close to the true rate, and few sellers beyond the listed ones
   * have their orders counted.
   */
  public FigureTable topSellers(AnalyticsPeriod period, int minOrders, int limit) {
    long fewestOrders = Math.max(minOrders, 1);
    Map<String, long[]> known = new HashMap<>();
    List<LocalDate> months = days.settledMonths(period);
    LocalDate liveUntil = period.to().plusDays(1);
    if (!months.isEmpty()) {
      LocalDate after = months.get(months.size() - 1).plusMonths(1);
      known.putAll(days.sellerMonths(months.get(0), after));
      liveUntil = months.get(0);
      addDisputes(known, after, period.to().plusDays(1));
    }
    addDisputes(known, period.from(), liveUntil);
    List<SellerRate> candidates = known.entrySet().stream()
        .filter(seller -> seller.getValue()[0] > 0)
        .map(seller -> new SellerRate(seller.getKey(), seller.getValue()[0],
            Math.max(seller.getValue()[1], fewestOrders)))
        .sorted(SellerRate.RANKING)
        .toList();
    List<SellerRate> ranked = new ArrayList<>();
    for (int next = 0; next < candidates.size() && limit > 0; next += orderCountBatch) {
      if (ranked.size() == limit && !candidates.get(next).mayRankAbove(ranked.get(limit - 1))) {
        break;
      }
      List<SellerRate> batch = candidates.subList(next,
          Math.min(next + orderCountBatch, candidates.size()));
      // One index range per seller: an "in" list of sellers makes H2 read every order of the
      // period for each batch.
      List<Object> values = new ArrayList<>(List.of(period.start(), period.end()));
      batch.forEach(seller -> values.add(seller.sellerId()));
      Map<String, Long> orders = new HashMap<>();
      jdbc.sql("""
          select c.seller_id, (select count(*) from market_order o
            where o.seller_id = c.seller_id and o.shipped_at >= ? and o.shipped_at < ?)
          from (values """ + String.join(", ", Collections.nCopies(batch.size(), "(?)"))
              + ") as c (seller_id)")
          .params(values)
          .query((rs, i) -> orders.put(rs.getString(1), rs.getLong(2)))
          .list();
      batch.stream()
          .map(seller -> new SellerRate(seller.sellerId(), seller.disputes(),
              orders.get(seller.sellerId())))
          .filter(seller -> seller.orders() >= fewestOrders)
          .forEach(ranked::add);
      ranked.sort(SellerRate.RANKING);
      if (ranked.size() > limit) {
        ranked.subList(limit, ranked.size()).clear();
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    for (SellerRate seller : ranked) {
      rows.add(row(rows.size() + 1L, seller.sellerId(), seller.orders(), seller.disputes(),
          rate(seller.disputes(), seller.orders())));
    }
    return new FigureTable(Figure.TOP_SELLERS, period, rows);
  }

  /** Adds the disputes opened against each seller from one day up to another, counted live. */
  private void addDisputes(Map<String, long[]> sellers, LocalDate from, LocalDate to) {
    if (!from.isBefore(to)) {
      return;
    }
    jdbc.sql("""
        select seller_id, count(*) from dispute
        where opened_at >= :from and opened_at < :to and status <> 'INELIGIBLE'
        group by seller_id""")
        .param("from", from.atStartOfDay().atOffset(ZoneOffset.UTC))
        .param("to", to.atStartOfDay().atOffset(ZoneOffset.UTC))
        .query((rs, i) -> sellers.computeIfAbsent(rs.getString(1), id -> new long[2])[0] +=
            rs.getLong(2))
        .list();
  }

  /** A seller's disputes and orders in a period. */
  record SellerRate(String sellerId, long disputes, long orders) {

    /** Highest rate first (compared exactly, as fractions), then most disputes, then by id. */
    static final Comparator<SellerRate> RANKING = (a, b) -> {
      int byRate = Long.compare(b.disputes * a.orders, a.disputes * b.orders);
      if (byRate != 0) {
        return byRate;
      }
      int byDisputes = Long.compare(b.disputes, a.disputes);
      return byDisputes != 0 ? byDisputes : a.sellerId.compareTo(b.sellerId);
    };

    /** Whether a seller with this rate and these disputes could come before the other. */
    boolean mayRankAbove(SellerRate other) {
      long byRate = Long.compare(disputes * other.orders, other.disputes * orders);
      return byRate > 0 || byRate == 0 && disputes >= other.disputes;
    }
  }

  /** A status and awaiting party with its open disputes and how many are overdue. */
  public record OpenCount(String status, String awaiting, long disputes, long overdue) {}

  /** The fact's occurrences in the period by item, over all its days. */
  private Map<String, Long> total(Count fact, AnalyticsPeriod period) {
    Map<String, Long> totals = new HashMap<>();
    days.count(fact, period).forEach(day -> totals.merge(day.item(), day.occurrences(), Long::sum));
    return totals;
  }

  private long sum(Count fact, AnalyticsPeriod period) {
    return days.count(fact, period).stream().mapToLong(DayCount::occurrences).sum();
  }

  /** The p-quantile of {@code count} bucketed durations, interpolated as percentile_cont. */
  static double percentile(List<Bucket> buckets, long count, double p) {
    double rank = p * (count - 1);
    long below = (long) Math.floor(rank);
    double lower = nth(buckets, below);
    double upper = below + 1 < count ? nth(buckets, below + 1) : lower;
    return lower + (rank - below) * (upper - lower);
  }

  private static double nth(List<Bucket> buckets, long index) {
    long rest = index;
    for (Bucket bucket : buckets) {
      if (rest < bucket.occurrences()) {
        return bucket.at(rest);
      }
      rest -= bucket.occurrences();
    }
    throw new IllegalArgumentException("no duration number " + index);
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
