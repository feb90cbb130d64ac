package com.marketplace.disputes.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketplace.disputes.analytics.DisputeAnalytics.SellerRanking;
import com.marketplace.disputes.support.ServiceTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures read from settled days are the figures counted live, over the known history of
 * {@link SeededHistory}: March 2026 counted on 1 March (nothing of it over), on 16 March (half
 * of it), on 2 April (all of it settled) and on 10 April (the appeals of March closures too).
 */
@ServiceTest
class SettledDaysTest {

  private static final AnalyticsPeriod MARCH =
      new AnalyticsPeriod(SeededHistory.FROM, SeededHistory.TO);
  private static final SellerRanking RANKING = new SellerRanking(10, 10);
  /**
   * The figures whose every value comes from day facts, or partly (mediation-sla, and outcomes
   * for the disputes still open).
   */
  private static final List<Figure> DAY_FACT_FIGURES = List.of(Figure.OPENED_PER_DAY,
      Figure.OUTCOMES, Figure.ESCALATIONS, Figure.DURATIONS, Figure.MEDIATION_SLA, Figure.DECISIONS,
      Figure.REFUNDS, Figure.APPEALS);

  @Autowired DisputeAnalytics analytics;
  @Autowired SettledDays settledDays;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void seed() {
    new SeededHistory(jdbc).write();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void settledDaysGiveTheFiguresCountedLive() {
    Map<Figure, List<List<Object>>> live = figuresAt("2026-03-01T00:00:00Z");
    assertThat(settledDays()).isEmpty();

    Map<Figure, List<List<Object>>> half = figuresAt("2026-03-16T12:00:00Z");
    assertThat(settledDays()).hasSize(15).first().isEqualTo(LocalDate.parse("2026-03-01"));

    Map<Figure, List<List<Object>>> settled = figuresAt("2026-04-02T00:00:00Z");
    assertThat(settledDays()).hasSize(31).last().isEqualTo(LocalDate.parse("2026-03-31"));

    // Later still, the appeals of March closures filed in April are settled too.
    Map<Figure, List<List<Object>>> later = figuresAt("2026-04-10T00:00:00Z");

    assertThat(half).isEqualTo(live);
    assertThat(settled).isEqualTo(live);
    assertThat(later).isEqualTo(live);
    // Not a comparison of empty figures: March has its disputes.
    assertThat(live.get(Figure.OPENED_PER_DAY)).hasSize(10);
  }

  @Test
  void aDaySettlesOnlyAnHourAfterItEnded() {
    figuresAt("2026-04-01T00:59:59Z");
    assertThat(settledDays()).hasSize(30).last().isEqualTo(LocalDate.parse("2026-03-30"));

    figuresAt("2026-04-01T01:00:00Z");
    assertThat(settledDays()).hasSize(31).last().isEqualTo(LocalDate.parse("2026-03-31"));
  }

  @Test
  void aSettledDayIsNotCountedAgainUntilForgotten() {
    figuresAt("2026-04-02T00:00:00Z");
    // A history rewritten after its days were settled, as by a data repair.
    jdbc.sql("update dispute set reason = 'DAMAGED'").update();
    assertThat(reasonsOpened()).doesNotContain("NOT_RECEIVED");
    assertThat(figuresAt("2026-04-02T00:00:00Z").get(Figure.OPENED_PER_DAY))
        .as("as settled").anySatisfy(row -> assertThat(row.get(1)).isEqualTo("NOT_RECEIVED"));

    settledDays.forget();

    assertThat(figuresAt("2026-04-02T00:00:00Z").get(Figure.OPENED_PER_DAY))
        .as("counted again").allSatisfy(row -> assertThat(row.get(1)).isEqualTo("DAMAGED"));
  }

  private Map<Figure, List<List<Object>>> figuresAt(String now) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(now)));
    Map<Figure, List<List<Object>>> figures = new EnumMap<>(Figure.class);
    for (Figure figure : DAY_FACT_FIGURES) {
      List<List<Object>> rows = new ArrayList<>(analytics.figure(figure, MARCH, RANKING).rows());
      if (figure == Figure.MEDIATION_SLA) {
        // Its last column, disputes waiting past the SLA now, is a count of the moment.
        rows = rows.stream().map(row -> row.subList(0, row.size() - 1)).toList();
      }
      figures.put(figure, rows);
    }
    return figures;
  }

  private List<LocalDate> settledDays() {
    return jdbc.sql("select fact_day from analytics_settled_day order by fact_day")
        .query((rs, i) -> rs.getDate(1).toLocalDate()).list();
  }

  private List<String> reasonsOpened() {
    return jdbc.sql("select distinct reason from dispute").query(String.class).list();
  }
}
