package com.marketplace.disputes.analytics;

import com.marketplace.disputes.demo.HistoryWriter;
import com.marketplace.disputes.demo.HistoryWriter.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Times every analytics figure over a million disputes, so anyone can check that the dashboard
 * stays fast at scale. Creates (or reuses) an H2 file database with the service's own Flyway
 * migrations, fills it once with a generated year of dispute history, settles its days afresh
 * and the months that are over ({@link SettledDays}, timed), then times each query of
 * {@link AnalyticsQueries} for the last 30 and 90 days and the whole year and prints a table.
 *
 * <p>Run from the project root. The database with 1,000,000 disputes takes 5.7 GB of disk (up to
 * 10 GB while it is generated), 6.2 GB after V7; on two busy cores generating took 38 minutes,
 * V6's indexes 4, V7's backfill and indexes 16, the timings after V7 about 4:
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.marketplace.disputes.analytics.AnalyticsAtScale \
 *   -Dexec.args="target/analytics-scale/disputes 1000000"
 * </pre>
 *
 * Arguments, all optional: the H2 database path (default target/analytics-scale/disputes), how
 * many disputes to generate when its dispute table is empty (default 1,000,000), and the schema
 * version to migrate to (default the latest; the queries need V7's columns, so an older version
 * only makes sense with the {@link AnalyticsQueries} of its time). A database that already holds
 * disputes is only migrated and timed: one made before V7 is upgraded, its backfill included, and
 * the log says how long that took. A new database is migrated up to V5 before the data goes in and
 * to the latest version after: building an index once is far cheaper than keeping it sorted
 * through millions of inserts, and V7's backfill sets the dispute row's first seller answer and
 * first SLA breach from the generated timeline, as it does for a live database.
 *
 * <p>The history is set-based SQL over H2's {@code system_range}, pseudo-random but the same on
 * every run (the session's random generator is seeded): a year of openings from 2025-01-01, about
 * four more orders per dispute across 20,000 sellers (200 of them with five times the usual
 * disputes and silences), the paths of the dispute process (refused requests, seller silence,
 * acceptance, counter offers and rejections, the buyer agreeing, escalating, not answering or
 * cancelling, mediation with SLA breaches, decisions, returns, refunds, appeals) with their
 * timeline entries, and the disputes not over on 2026-01-01 left open where they stand. Each
 * table's rows go in through the {@link HistoryWriter}, one statement each, so they never leave
 * the database.
 *
 * <p>Timing opens the database as the service does (H2's default cache), so a first call reads
 * from disk what it needs. Each figure is called once (first) and five more times (median).
 */
public final class AnalyticsAtScale {

  /** The moment the figures are computed at: the generated year ends here. */
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final long YEAR_START = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
  private static final long YEAR_SECONDS = 365L * 86_400;
  private static final int SELLERS = 20_000;
  /** Sellers 0..ABUSIVE-1 draw extra disputes and stay silent more often. */
  private static final int ABUSIVE = 200;
  private static final int EXTRA_ORDERS_PER_DISPUTE = 4;
  private static final int WARM_CALLS = 5;
  private static final String SCHEMA_HISTORY = "dispute_schema_history";
  private static final LocalDate LAST_DAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(1);
  /** The dashboard's default period and the longest it accepts, both ending at {@link #NOW}. */
  private static final Map<String, AnalyticsPeriod> PERIODS = new LinkedHashMap<>();

  static {
    PERIODS.put("30 days", new AnalyticsPeriod(LAST_DAY.minusDays(29), LAST_DAY));
    PERIODS.put("90 days", new AnalyticsPeriod(LAST_DAY.minusDays(89), LAST_DAY));
    PERIODS.put("365 days", new AnalyticsPeriod(LAST_DAY.minusDays(364), LAST_DAY));
  }

  private AnalyticsAtScale() {}

  public static void main(String[] args) throws Exception {
    Path database = Path.of(args.length > 0 ? args[0] : "target/analytics-scale/disputes");
    int disputes = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    String version = args.length > 2 ? args[2] : null;
    Files.createDirectories(database.toAbsolutePath().getParent());
    String url = "jdbc:h2:file:" + database.toAbsolutePath();

    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      DataSource source = new SingleConnectionDataSource(connection, true);
      boolean newDatabase = flyway(source, null).info().current() == null;
      if (newDatabase) {
        migrate(source, "5");
      }
      JdbcClient jdbc = JdbcClient.create(source);
      long existing = jdbc.sql("select count(*) from dispute").query(Long.class).single();
      if (existing == 0) {
        new History(jdbc, disputes).generate();
      } else {
        log("The database already holds " + existing + " disputes: not generating");
      }
      long started = System.nanoTime();
      migrate(source, version);
      log("Migrated to " + (version == null ? "the latest version" : "version " + version)
          + " in " + seconds(started));
      started = System.nanoTime();
      jdbc.sql("analyze").update();
      log("Analyzed in " + seconds(started));
      for (String table : List.of("dispute", "dispute_event", "market_order", "refund")) {
        log(table + ": " + jdbc.sql("select count(*) from " + table).query(Long.class).single()
            + " rows");
      }
    }
    // A fresh connection: timings start from what a restarted service would have in memory. H2
    // would hand a repeated query its last result while no table changed; a live service's
    // tables change all the time, so every call here computes its figure.
    ClockUtil.setCurrentTime(Date.from(NOW));
    try (Connection connection = DriverManager.getConnection(
        url + ";OPTIMIZE_REUSE_RESULTS=FALSE", "sa", "")) {
      settle(new SingleConnectionDataSource(connection, true));
    }
    try (Connection connection = DriverManager.getConnection(
        url + ";OPTIMIZE_REUSE_RESULTS=FALSE", "sa", "")) {
      time(new SingleConnectionDataSource(connection, true));
    }
  }

  /**
   * Settles the days of both periods from scratch and says how long that took: the once-a-day
   * cost that the figures of a settled period no longer pay.
   */
  private static void settle(DataSource source) {
    SettledDays days = settledDays(source);
    days.forget();
    long started = System.nanoTime();
    days.settle(PERIODS.get("30 days"));
    log("Settled the last 30 days in " + seconds(started));
    started = System.nanoTime();
    days.settle(PERIODS.get("365 days"));
    log("Settled the other 335 days in " + seconds(started));
    started = System.nanoTime();
    log("Settled the months " + days.settledMonths(PERIODS.get("365 days")) + " in "
        + seconds(started));
  }

  private static SettledDays settledDays(DataSource source) {
    return new SettledDays(JdbcClient.create(source), new JdbcTemplate(source),
        new DayFacts(JdbcClient.create(source), source), new DataSourceTransactionManager(source),
        Duration.ofHours(1));
  }

  private static void migrate(DataSource source, String target) {
    flyway(source, target).migrate();
  }

  private static Flyway flyway(DataSource source, String target) {
    var config = Flyway.configure().dataSource(source).locations("classpath:db/migration")
        .table(SCHEMA_HISTORY);
    if (target != null) {
      config.target(target);
    }
    return config.load();
  }

  private static void time(DataSource source) {
    AnalyticsQueries queries = new AnalyticsQueries(JdbcClient.create(source),
        settledDays(source));
    OffsetDateTime now = NOW.atOffset(ZoneOffset.UTC);
    Map<String, AnalyticsPeriod> periods = PERIODS;

    Map<Figure, List<String>> cells = new LinkedHashMap<>();
    for (AnalyticsPeriod period : periods.values()) {
      Map<Figure, Supplier<Object>> figures = new LinkedHashMap<>();
      figures.put(Figure.OPENED_PER_DAY, () -> queries.openedPerDay(period));
      figures.put(Figure.OPEN_BY_STATUS, () -> queries.openByStatus(now));
      figures.put(Figure.OUTCOMES, () -> queries.outcomes(period));
      figures.put(Figure.ESCALATIONS, () -> queries.escalations(period));
      figures.put(Figure.DURATIONS, () -> queries.durations(period));
      figures.put(Figure.MEDIATION_SLA, () -> queries.mediationSla(period, now));
      figures.put(Figure.DECISIONS, () -> queries.decisions(period));
      figures.put(Figure.REFUNDS, () -> queries.refunds(period));
      figures.put(Figure.APPEALS, () -> queries.appeals(period));
      figures.put(Figure.TOP_SELLERS, () -> queries.topSellers(period, 10, 10));
      figures.forEach((figure, query) -> {
        long[] warm = new long[WARM_CALLS];
        long first = millis(query);
        for (int i = 0; i < WARM_CALLS; i++) {
          warm[i] = millis(query);
        }
        Arrays.sort(warm);
        cells.computeIfAbsent(figure, f -> new ArrayList<>())
            .addAll(List.of(first + " ms", warm[WARM_CALLS / 2] + " ms"));
        log(figure.id() + " " + period.from() + ".." + period.to() + ": first " + first
            + " ms, median of " + WARM_CALLS + " " + warm[WARM_CALLS / 2] + " ms");
      });
    }
    StringBuilder table = new StringBuilder("\n| figure |");
    periods.keySet().forEach(p -> table.append(" ").append(p).append(", first | ").append(p)
        .append(", warm |"));
    table.append("\n|---|").append("---:|".repeat(2 * periods.size())).append("\n");
    cells.forEach((figure, values) -> table.append("| ").append(figure.id()).append(" | ")
        .append(String.join(" | ", values)).append(" |\n"));
    System.out.println(table);
  }

  private static long millis(Supplier<Object> query) {
    long started = System.nanoTime();
    query.get();
    return (System.nanoTime() - started) / 1_000_000;
  }

  private static String seconds(long startedNanos) {
    return "%.1f s".formatted((System.nanoTime() - startedNanos) / 1e9);
  }

  private static void log(String message) {
    System.out.println(Instant.now() + " " + message);
  }

  /**
   * The generated year. A table of random draws per dispute comes first; every later value is a
   * function of those draws, so one dispute's row, timeline and refunds tell the same story.
   */
  private static final class History {

    private static final int DRAWS = 22;
    private static final String ORDER_COLUMNS = """
        order_id, buyer_id, seller_id, title, amount, currency, item_type, shipped_at,
        estimated_delivery_at, delivered_at, protection_ends_at, tracking_number, updated_at""";
    private static final String DISPUTE_COLUMNS = """
        dispute_id, order_id, buyer_id, seller_id, status, reason, item_received, problem_detail,
        description, requested_resolution, requested_amount, order_amount, currency, awaiting,
        due_at, overdue, ineligibility_reason, escalation_reason, decision, decision_rationale,
        decided_by, closure_reason, resolution, refund_amount, opened_at, escalated_at,
        decided_at, closed_at, order_lock""";
    private static final String EVENT_COLUMNS = """
        dispute_id, occurred_at, actor, actor_role, event_type, detail, resolution, amount""";
    private static final String REFUND_COLUMNS = """
        refund_id, dispute_id, idempotency_key, amount, currency, requested_at, expected_by""";

    private final JdbcClient jdbc;
    private final HistoryWriter writer;
    private final int disputes;

    History(JdbcClient jdbc, int disputes) {
      this.jdbc = jdbc;
      this.writer = new HistoryWriter(jdbc);
      this.disputes = disputes;
    }

    void generate() {
      long started = System.nanoTime();
      // The generator runs once; a large cache spares it most page writes and reads. The size
      // persists in the database, so it is set back afterwards for the timings.
      long cacheMegabytes = jdbc.sql("select setting_value from information_schema.settings"
          + " where setting_name = 'info.CACHE_MAX_SIZE'").query(Long.class).single();
      jdbc.sql("set cache_size " + 2048 * 1024).update();
      jdbc.sql("drop table if exists gen_plan").update();
      jdbc.sql("drop table if exists gen_draw").update();
      if (jdbc.sql("select count(*) from market_order").query(Long.class).single() > 0) {
        throw new IllegalStateException("An earlier run stopped half way: delete the database"
            + " and run again");
      }
      jdbc.sql("select rand(20250101)").query(Double.class).single();
      step("random draws", """
          create table gen_draw as select x as n, %s from system_range(1, %d)"""
          .formatted(draws(), disputes));
      step("dispute plans", "create table gen_plan as " + plan());
      write("disputed orders", Table.ORDERS, ORDER_COLUMNS, disputedOrders());
      write("other orders", Table.ORDERS, ORDER_COLUMNS, otherOrders());
      write("disputes", Table.DISPUTES, DISPUTE_COLUMNS, disputeRows());
      for (String[] event : events()) {
        write("timeline " + event[0], Table.TIMELINE, EVENT_COLUMNS, eventRows(event));
      }
      write("refunds", Table.REFUNDS, REFUND_COLUMNS, refundRows());
      jdbc.sql("drop table gen_plan").update();
      jdbc.sql("drop table gen_draw").update();
      jdbc.sql("set cache_size " + cacheMegabytes * 1024).update();
      log("Generated " + disputes + " disputes in " + seconds(started));
    }

    private void step(String what, String sql) {
      long started = System.nanoTime();
      int rows = jdbc.sql(sql).update();
      log(what + ": " + rows + " rows in " + seconds(started));
    }

    /** Writes the rows {@code select} yields through the history writer, in one statement. */
    private void write(String what, Table table, String columns, String select) {
      long started = System.nanoTime();
      int rows = writer.insertSelected(table, columns, select);
      log(what + ": " + rows + " rows in " + seconds(started));
    }

    private static String draws() {
      List<String> columns = new ArrayList<>();
      for (int i = 0; i < DRAWS; i++) {
        columns.add("rand() as u" + i);
      }
      return String.join(", ", columns);
    }

    /** Seconds since the epoch as a timestamp. */
    private static String ts(String seconds) {
      return "dateadd(second, " + seconds
          + ", timestamp with time zone '1970-01-01 00:00:00+00')";
    }

    /** Keeps a moment only if it has happened by {@link #NOW}. */
    private static String past(String seconds) {
      return "case when " + seconds + " <= " + NOW.getEpochSecond() + " then " + seconds + " end";
    }

    private static String bigint(String expression) {
      return "cast(" + expression + " as bigint)";
    }

    /**
     * One row per dispute with its path and the epoch second of each step, built in layers
     * because each step's time depends on the one before.
     */
    private String plan() {
      String kind = """
          case when u6 < 0.02 then 'INELIGIBLE'
               when u7 < case when seller_no < %d then 0.35 else 0.08 end then 'SILENT'
               when u8 < 0.05 then 'SELLER_ESC'
               when u8 < 0.42 then 'ACCEPTED'
               when u8 < 0.70 then
                 case when u9 < 0.50 then 'OFFER_AGREE' when u9 < 0.75 then 'OFFER_ESCALATE'
                      when u9 < 0.90 then 'OFFER_NO_RESPONSE' else 'OFFER_CANCEL' end
               else case when u9 < 0.72 then 'REJECT_ESCALATE'
                         when u9 < 0.87 then 'REJECT_NO_RESPONSE' else 'REJECT_CANCEL' end
          end""".formatted(ABUSIVE);
      String layer1 = """
          select d.*, %s as opened,
            case when u2 < 0.35 then 'NOT_RECEIVED' when u2 < 0.55 then 'DAMAGED'
                 when u2 < 0.80 then 'NOT_AS_DESCRIBED' when u2 < 0.95 then 'QUALITY_PROBLEM'
                 else 'QUANTITY_PROBLEM' end as reason,
            case when u3 < 0.60 then 'FULL_REFUND' when u3 < 0.85 then 'PARTIAL_REFUND'
                 else 'RETURN_AND_REFUND' end as requested,
            cast(8 + floor(u4 * 17200) / 100 as numeric(19, 2)) as amount
          from (select g.*, case when u1 < 0.03 then cast(floor(u5 * %d) as int)
                                 else cast(floor(u5 * %d) as int) end as seller_no
                from gen_draw g) d"""
          .formatted(bigint(YEAR_START + " + floor((n - 1 + u0) * " + YEAR_SECONDS + ".0 / "
              + disputes + ")"), ABUSIVE, SELLERS);
      String layer2 = """
          select l1.*, %s as kind,
            case when mod(seller_no, 5) = 0 then 'EUR' else 'USD' end as currency,
            case when u3 >= 0.60 and u3 < 0.85
                 then cast(amount * (0.2 + u10 * 0.4) as numeric(19, 2)) end as requested_amount,
            cast(amount * (0.2 + u10 * 0.3) as numeric(19, 2)) as offered,
            %s as answer_at
          from (%s) l1""".formatted(kind,
          bigint("opened + (2 + u11 * 118) * 3600"), layer1);
      String layer3 = """
          select l2.*,
            case when kind like 'OFFER%%' or kind like 'REJECT%%' then
              case when kind like '%%NO_RESPONSE' then answer_at + 7 * 86400
                   else answer_at + %s end end as reply_at,
            case when kind = 'SILENT' then opened + 15 * 86400
                 when kind = 'SELLER_ESC' then answer_at
                 when kind like '%%ESCALATE' then answer_at + %s end as esc_at,
            case when kind = 'SILENT' then 'SELLER_NO_RESPONSE'
                 when kind = 'SELLER_ESC' then 'SELLER_REQUESTED'
                 when kind like '%%ESCALATE' then 'BUYER_REQUESTED' end as esc_reason
          from (%s) l2""".formatted(bigint("(1 + u12 * 95) * 3600"),
          bigint("(1 + u12 * 95) * 3600"), layer2);
      String layer4 = """
          select l3.*, esc_at + %s as dec_at,
            case when u13 > 45.0 / 69 then esc_at + 2 * 86400 end as breach_at,
            case when esc_at is null then null
                 when seller_no < %d then
                   case when u14 < 0.55 then 'FULL_REFUND' when u14 < 0.70 then 'RETURN_AND_REFUND'
                        when u14 < 0.90 then 'PARTIAL_REFUND' else 'REJECT_CLAIM' end
                 else case when u14 < 0.35 then 'FULL_REFUND'
                           when u14 < 0.50 then 'RETURN_AND_REFUND'
                           when u14 < 0.70 then 'PARTIAL_REFUND' else 'REJECT_CLAIM' end
            end as decision
          from (%s) l3""".formatted(bigint("(3 + u13 * 69) * 3600"), ABUSIVE, layer3);
      String layer5 = """
          select l4.*,
            case when kind = 'ACCEPTED' then requested
                 when kind in ('OFFER_AGREE', 'OFFER_NO_RESPONSE') then 'PARTIAL_REFUND'
                 when decision = 'REJECT_CLAIM' then 'NONE'
                 when decision is not null then decision
                 else 'NONE' end as resolution,
            case when kind = 'ACCEPTED' then coalesce(requested_amount, amount)
                 when kind in ('OFFER_AGREE', 'OFFER_NO_RESPONSE') then offered
                 when decision = 'PARTIAL_REFUND'
                   then cast(amount * (0.25 + u15 * 0.35) as numeric(19, 2))
                 when decision in ('FULL_REFUND', 'RETURN_AND_REFUND') then amount
                 else 0 end as refund_amount,
            case when kind = 'ACCEPTED' then answer_at
                 when kind in ('OFFER_AGREE', 'OFFER_NO_RESPONSE') then reply_at
                 when decision <> 'REJECT_CLAIM' then dec_at end as carry_from
          from (%s) l4""".formatted(layer4);
      String layer6 = """
          select l5.*,
            carry_from + case when resolution = 'RETURN_AND_REFUND' then %s else %s end
              as refund_at
          from (%s) l5""".formatted(bigint("(60 + u16 * 270) * 3600"),
          bigint("30 + u16 * 600"), layer5);
      String layer7 = """
          select l6.*,
            case when kind = 'INELIGIBLE' then opened
                 when carry_from is not null then refund_at + 5
                 when decision = 'REJECT_CLAIM' then dec_at + 60
                 else reply_at end as close_at,
            case when kind = 'INELIGIBLE' then 'INELIGIBLE'
                 when kind in ('ACCEPTED', 'OFFER_AGREE') then 'AGREEMENT'
                 when kind like '%%NO_RESPONSE' then 'BUYER_NO_RESPONSE'
                 when kind like '%%CANCEL' then 'CANCELLED_BY_BUYER'
                 else 'PLATFORM_DECISION' end as closure
          from (%s) l6""".formatted(layer6);
      return """
          select l7.*,
            case when closure <> 'INELIGIBLE' and closure <> 'CANCELLED_BY_BUYER' and u17 < 0.06
                 then close_at + %s end as appeal_at,
            case when closure <> 'INELIGIBLE' and closure <> 'CANCELLED_BY_BUYER' and u17 < 0.06
                 then close_at + %s + %s end as appeal_end,
            case when u18 < 0.25 then 'APPEAL_OVERTURNED' else 'APPEAL_UPHELD' end as appeal_result
          from (%s) l7""".formatted(bigint("(24 + u19 * 216) * 3600"),
          bigint("(24 + u19 * 216) * 3600"), bigint("(24 + u20 * 96) * 3600"), layer7);
    }

    private static String orderId(String number) {
      return "'O-' || lpad(cast(" + number + " as varchar), 9, '0')";
    }

    private static String sellerId(String number) {
      return "'seller-' || lpad(cast(" + number + " as varchar), 5, '0')";
    }

    private static String buyerId(String number) {
      return "'buyer-' || lpad(cast(" + number + " as varchar), 6, '0')";
    }

    /** The order behind each dispute, shipped 10 to 30 days before the dispute opened. */
    private static String disputedOrders() {
      String shipped = "opened - " + bigint("(10 + u21 * 20) * 86400");
      return """
          select %s, %s, %s, 'Generated order', amount, currency, 'PHYSICAL', %s, %s,
            case when reason = 'NOT_RECEIVED' then null else %s end, %s,
            'TN' || n, %s
          from gen_plan order by n""".formatted(orderId("n * 5"), buyerId("mod(n * 7, 300000)"),
          sellerId("seller_no"), ts(shipped), ts(shipped + " + 8 * 86400"),
          ts(shipped + " + 5 * 86400"), ts(shipped + " + 75 * 86400"), ts(shipped));
    }

    /**
     * The orders nobody disputed, spread evenly over sellers, buyers and the year before NOW. They
     * go to sellers and buyers in turn rather than at random: the same spread, and the order
     * indexes on seller and buyer grow in runs instead of at random places, several times faster.
     */
    private String otherOrders() {
      long count = (long) disputes * EXTRA_ORDERS_PER_DISPUTE;
      String shipped = bigint(YEAR_START + " - 30 * 86400 + floor((x - 1) * "
          + (YEAR_SECONDS + 30 * 86_400L) + ".0 / " + count + ")");
      String number = "(x - 1) / " + EXTRA_ORDERS_PER_DISPUTE + " * 5 + mod(x - 1, "
          + EXTRA_ORDERS_PER_DISPUTE + ") + 1";
      return """
          select %s, %s, %s, 'Generated order', cast(8 + mod(x * 31, 17200) / 100.0 as
            numeric(19, 2)), case when mod(mod(x, %d), 5) = 0 then 'EUR' else 'USD' end,
            'PHYSICAL', %s, %s, %s, %s, 'TN-' || x, %s
          from system_range(1, %d)""".formatted(orderId(number),
          buyerId("mod(x, 300000)"), sellerId("mod(x, " + SELLERS + ")"), SELLERS, ts(shipped), ts(shipped + " + 8 * 86400"), ts(shipped + " + 5 * 86400"),
          ts(shipped + " + 75 * 86400"), ts(shipped), count);
    }

    /** Each dispute's row as it stands at NOW: later steps have not happened yet. */
    private static String disputeRows() {
      long now = NOW.getEpochSecond();
      String status = """
          case when kind = 'INELIGIBLE' then 'INELIGIBLE'
               when close_at <= %1$d then 'CLOSED'
               when resolution = 'RETURN_AND_REFUND' and carry_from <= %1$d then 'RETURN_PENDING'
               when esc_at <= %1$d then 'IN_MEDIATION'
               when reply_at is not null and answer_at <= %1$d then 'AWAITING_BUYER'
               else 'AWAITING_SELLER' end""".formatted(now);
      return """
          select 'D-' || lpad(cast(n as varchar), 8, '0'), order_id, buyer_id, seller_id, status,
            reason, reason <> 'NOT_RECEIVED',
            case when reason = 'NOT_RECEIVED' then null else 'OTHER' end,
            'A generated dispute.', requested, requested_amount, amount, currency,
            case status when 'RETURN_PENDING' then 'BUYER' when 'IN_MEDIATION' then 'PLATFORM'
                        when 'AWAITING_BUYER' then 'BUYER' when 'AWAITING_SELLER' then 'SELLER'
                        end,
            case status when 'RETURN_PENDING' then %2$s when 'IN_MEDIATION' then %3$s
                        when 'AWAITING_BUYER' then %4$s when 'AWAITING_SELLER' then %5$s end,
            coalesce(status = 'IN_MEDIATION' and breach_at <= %1$d, false),
            case when kind = 'INELIGIBLE' then 'TOO_EARLY' end,
            case when esc_at <= %1$d then esc_reason end,
            case when dec_at <= %1$d then decision end,
            case when dec_at <= %1$d then 'Decided on the evidence of both parties.' end,
            case when dec_at <= %1$d then case when mod(n, 2) = 0 then 'mediator1'
                                               else 'mediator2' end end,
            case when closed then closure end, case when closed then resolution end,
            case when closed then refund_amount end,
            %6$s, %7$s, %8$s, %9$s,
            case when not closed or closure = 'CANCELLED_BY_BUYER' then order_id end
          from (select p.*, %10$s as order_id, %11$s as buyer_id, %12$s as seller_id,
                  %13$s as status, coalesce(close_at <= %1$d, false) as closed
                from gen_plan p) s
          order by n""".formatted(now, ts("carry_from + 10 * 86400"), ts("esc_at + 2 * 86400"),
          ts("answer_at + 7 * 86400"), ts("opened + 15 * 86400"), ts("opened"),
          ts(past("esc_at")), ts(past("dec_at")), ts(past("close_at")), orderId("n * 5"),
          buyerId("mod(n * 7, 300000)"), sellerId("seller_no"), status);
    }

    /** Timeline entries: type, time column, actor, role, condition, resolution, amount. */
    private static List<String[]> events() {
      String buyer = buyerId("mod(n * 7, 300000)");
      String seller = sellerId("seller_no");
      return List.of(
          new String[] {"REQUESTED", "opened", buyer, "BUYER", "true", "requested",
              "requested_amount"},
          new String[] {"OPENED", "opened", "'system'", "SYSTEM", "kind <> 'INELIGIBLE'", "null",
              "null"},
          new String[] {"INELIGIBLE", "opened", "'system'", "SYSTEM", "kind = 'INELIGIBLE'",
              "null", "null"},
          new String[] {"SELLER_ACCEPTED", "answer_at", seller, "SELLER", "kind = 'ACCEPTED'",
              "null", "null"},
          new String[] {"COUNTER_OFFERED", "answer_at", seller, "SELLER", "kind like 'OFFER%'",
              "'PARTIAL_REFUND'", "offered"},
          new String[] {"SELLER_REJECTED", "answer_at", seller, "SELLER", "kind like 'REJECT%'",
              "null", "null"},
          new String[] {"AGREED", "carry_from", buyer, "BUYER",
              "kind in ('ACCEPTED', 'OFFER_AGREE')", "resolution", "refund_amount"},
          new String[] {"BUYER_ESCALATE", "reply_at", buyer, "BUYER", "kind like '%ESCALATE'",
              "null", "null"},
          new String[] {"BUYER_NO_RESPONSE", "reply_at", "'system'", "SYSTEM",
              "kind like '%NO_RESPONSE'", "resolution", "refund_amount"},
          new String[] {"CANCELLED", "reply_at", buyer, "BUYER", "kind like '%CANCEL'", "null",
              "null"},
          new String[] {"ESCALATED", "esc_at", "'system'", "SYSTEM", "esc_at is not null",
              "null", "null"},
          new String[] {"MEDIATION_SLA_BREACHED", "breach_at", "'system'", "SYSTEM",
              "breach_at is not null", "null", "null"},
          new String[] {"DECIDED", "dec_at", "'mediator1'", "PLATFORM", "dec_at is not null",
              "resolution", "refund_amount"},
          new String[] {"REFUND_ISSUED", "refund_at", "'system'", "SYSTEM",
              "refund_at is not null and refund_amount > 0", "resolution", "refund_amount"},
          new String[] {"CLOSED", "close_at", "'system'", "SYSTEM", "kind <> 'INELIGIBLE'",
              "resolution", "refund_amount"},
          new String[] {"APPEAL_FILED", "appeal_at", buyer, "BUYER", "appeal_at is not null",
              "null", "null"},
          new String[] {"APPEAL_DECIDED", "appeal_end", "'senior1'", "PLATFORM",
              "appeal_end is not null", "null", "null"});
    }

    private static String eventRows(String[] event) {
      String type = "APPEAL_DECIDED".equals(event[0]) ? "appeal_result" : "'" + event[0] + "'";
      return """
          select 'D-' || lpad(cast(n as varchar), 8, '0'), %s, %s, '%s', %s, null, %s, %s
          from gen_plan
          where %s and %s <= %d
          order by n""".formatted(ts(event[1]), event[2], event[3], type, event[5], event[6],
          event[4], event[1], NOW.getEpochSecond());
    }

    private static String refundRows() {
      return """
          select 'RF-' || n, 'D-' || lpad(cast(n as varchar), 8, '0'),
            'D-' || lpad(cast(n as varchar), 8, '0') || '/total=' || refund_amount,
            refund_amount, currency, %s, cast(%s as date)
          from gen_plan
          where refund_at is not null and refund_amount > 0 and refund_at <= %d
          order by n""".formatted(ts("refund_at"), ts("refund_at + 14 * 86400"),
          NOW.getEpochSecond());
    }
  }
}
