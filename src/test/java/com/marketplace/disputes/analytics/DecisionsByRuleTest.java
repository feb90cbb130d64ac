package com.marketplace.disputes.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketplace.disputes.analytics.DisputeAnalytics.SellerRanking;
import com.marketplace.disputes.support.ServiceTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Decisions and overturns by policy rule, exactly, over the known history of
 * {@link SeededHistory}: which rules its decisions and appeal reviews applied is in its comments.
 */
@ServiceTest
class DecisionsByRuleTest {

  private static final SellerRanking RANKING = new SellerRanking(10, 10);
  private static final BigDecimal NONE = new BigDecimal("0.0000");

  @Autowired DisputeAnalytics analytics;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void seed() {
    ClockUtil.setCurrentTime(Date.from(SeededHistory.NOW));
    new SeededHistory(jdbc).write();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private List<List<Object>> rows(LocalDate from) {
    return analytics.figure(Figure.DECISIONS_BY_RULE, new AnalyticsPeriod(from, SeededHistory.TO),
        RANKING).rows();
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  @Test
  void eachRuleCountsTheDecisionsOfThePeriodThatAppliedItAndTheAppealReviews() {
    // A3 applied two rules, A4 two, A5 one, A11 two (one since removed from the catalogue); B2
    // was decided in February. A5's appeal was upheld, B2's overturned, both reviewed in March.
    assertThat(rows(SeededHistory.FROM)).containsExactly(
        row("INR_NO_DELIVERY_PROOF", 0L, 0L, null, 0L, 0L),
        row("INR_DELIVERY_CONFIRMED", 1L, 0L, NONE, 0L, 0L),
        row("SNAD_RETURN_REFUND", 1L, 0L, NONE, 0L, 0L),
        row("DAMAGED_IN_TRANSIT", 1L, 0L, NONE, 0L, 0L),
        row("DEFECT_RETURN_REFUND", 0L, 0L, null, 0L, 0L),
        row("MINOR_DEFECT_PARTIAL", 1L, 0L, NONE, 0L, 0L),
        row("QUANTITY_SHORT", 0L, 0L, null, 0L, 0L),
        row("SELLER_UNRESPONSIVE", 2L, 0L, NONE, 0L, 0L),
        row("CLAIM_UNSUPPORTED", 0L, 0L, null, 1L, 1L),
        row("BUYER_EVIDENCE_MISSING", 0L, 0L, null, 0L, 0L),
        row("APPEAL_NEW_EVIDENCE", 0L, 0L, null, 1L, 1L),
        row("APPEAL_NOTHING_NEW", 0L, 0L, null, 1L, 0L),
        row("RULE_SINCE_REMOVED", 1L, 0L, NONE, 0L, 0L));
  }

  @Test
  void aDecisionOverturnedOnAppealCountsAsOverturnedUnderTheRulesItApplied() {
    // From February on, B2's full refund is in the period: overturned on 10 March.
    List<List<Object>> rows = rows(LocalDate.parse("2026-02-01"));
    assertThat(rows.get(0)).isEqualTo(
        row("INR_NO_DELIVERY_PROOF", 1L, 1L, new BigDecimal("1.0000"), 0L, 0L));
    assertThat(rows.subList(1, rows.size())).isEqualTo(rows(SeededHistory.FROM).subList(1,
        rows.size()));
  }
}
