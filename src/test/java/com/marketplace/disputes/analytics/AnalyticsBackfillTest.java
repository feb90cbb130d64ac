package com.marketplace.disputes.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketplace.disputes.analytics.DisputeAnalytics.SellerRanking;
import com.marketplace.disputes.support.ServiceTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The upgrade to V7 gives the figures the timeline gave before: V7's backfill, run over the
 * known history of {@link SeededHistory} with the columns it fills emptied, sets them as the
 * service's writer would have, and every figure stays the same.
 */
@ServiceTest
class AnalyticsBackfillTest {

  private static final String MIGRATION = "db/migration/V7__dispute_timeline_summary.sql";
  private static final SellerRanking RANKING = new SellerRanking(10, 10);
  /** March, and a February that holds D-B4's first answer, which March must not count. */
  private static final List<AnalyticsPeriod> PERIODS = List.of(
      new AnalyticsPeriod(SeededHistory.FROM, SeededHistory.TO),
      new AnalyticsPeriod(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28")));

  @Autowired DisputeAnalytics analytics;
  @Autowired JdbcClient jdbc;
  @Autowired SettledDays settledDays;

  @BeforeEach
  void seed() {
    ClockUtil.setCurrentTime(Date.from(SeededHistory.NOW));
    new SeededHistory(jdbc).write();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void backfillFromTheTimelineGivesTheSameFiguresAsTheWriter() throws IOException {
    List<Map<Figure, List<List<Object>>>> written = figures();
    List<Map<String, Object>> columns = summaryColumns();
    emptyColumns();
    assertThat(figures()).as("figures without the columns").isNotEqualTo(written);

    backfill();

    assertThat(summaryColumns()).isEqualTo(columns);
    assertThat(figures()).isEqualTo(written);
  }

  @Test
  void theFirstAnswerAndTheFirstBreachAreKeptLaterOnesNot() throws IOException {
    // D-A5 answered twice and breached twice; D-B4 answered in February and again in March;
    // D-A4 never answered; D-A6 neither answered nor breached.
    List<Map<String, Object>> expected = List.of(
        row("D-A4", null, "2026-03-22T00:00:00Z"),
        row("D-A5", "2026-03-04T05:00:00Z", "2026-03-11T01:00:00Z"),
        row("D-A6", null, null),
        row("D-B4", "2026-02-21T00:00:00Z", null));
    assertThat(summaryColumns()).as("as written").containsAll(expected);
    emptyColumns();
    backfill();
    assertThat(summaryColumns()).as("as backfilled").containsAll(expected);
  }

  private void emptyColumns() {
    jdbc.sql("update dispute set seller_answered_at = null, mediation_sla_breached_at = null")
        .update();
  }

  private void backfill() throws IOException {
    for (String statement : backfillStatements()) {
      jdbc.sql(statement).update();
    }
  }

  /** The figures counted afresh from the dispute rows, not from days settled before. */
  private List<Map<Figure, List<List<Object>>>> figures() {
    settledDays.forget();
    return PERIODS.stream().map(period -> {
      Map<Figure, List<List<Object>>> rows = new EnumMap<>(Figure.class);
      for (Figure figure : Figure.values()) {
        rows.put(figure, analytics.figure(figure, period, RANKING).rows());
      }
      return rows;
    }).toList();
  }

  private List<Map<String, Object>> summaryColumns() {
    return jdbc.sql("""
        select dispute_id, seller_answered_at, mediation_sla_breached_at from dispute
        order by dispute_id""")
        .query((rs, i) -> row(rs.getString(1), instant(rs.getObject(2, OffsetDateTime.class)),
            instant(rs.getObject(3, OffsetDateTime.class))))
        .list();
  }

  private static Map<String, Object> row(String disputeId, String answered, String breached) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("dispute", disputeId);
    row.put("answered", answered);
    row.put("breached", breached);
    return row;
  }

  private static String instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant().toString();
  }

  /** The migration's update statements, as Flyway runs them. */
  private static List<String> backfillStatements() throws IOException {
    String sql = new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8);
    String withoutComments = String.join("\n", sql.lines()
        .filter(line -> !line.stripLeading().startsWith("--")).toList());
    List<String> updates = Arrays.stream(withoutComments.split(";"))
        .map(String::strip)
        .filter(statement -> statement.startsWith("update "))
        .toList();
    assertThat(updates).isNotEmpty();
    return updates;
  }
}
