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
 * Each figure, exactly, over the known history of {@link SeededHistory}: March 2026 seen on
 * 2 April. The expected numbers are worked out by hand in the comments.
 */
@ServiceTest
class AnalyticsFiguresTest {

  private static final AnalyticsPeriod MARCH =
      new AnalyticsPeriod(SeededHistory.FROM, SeededHistory.TO);
  private static final SellerRanking RANKING = new SellerRanking(10, 10);

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

  private List<List<Object>> rows(Figure figure) {
    return analytics.figure(figure, MARCH, RANKING).rows();
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  private static LocalDate day(String value) {
    return LocalDate.parse(value);
  }

  @Test
  void disputesOpenedPerDayByReasonLeaveOutRefusedRequestsAndTheDaysAround() {
    // A1 and A5 on 2 March; A10 in the last second; B1 the hour before; B3 the instant after;
    // A12 was refused.
    assertThat(rows(Figure.OPENED_PER_DAY)).containsExactly(
        row(day("2026-03-02"), "DAMAGED", 1L),
        row(day("2026-03-02"), "NOT_RECEIVED", 2L),
        row(day("2026-03-03"), "NOT_AS_DESCRIBED", 1L),
        row(day("2026-03-05"), "QUALITY_PROBLEM", 1L),
        row(day("2026-03-10"), "DAMAGED", 1L),
        row(day("2026-03-10"), "NOT_AS_DESCRIBED", 1L),
        row(day("2026-03-12"), "NOT_RECEIVED", 1L),
        row(day("2026-03-15"), "QUANTITY_PROBLEM", 1L),
        row(day("2026-03-20"), "DAMAGED", 1L),
        row(day("2026-03-31"), "NOT_AS_DESCRIBED", 1L));
  }

  @Test
  void openDisputesByStatusAndWhoseMoveWithTheOverdueOnes() {
    // Overdue on 2 April: A7 (due 27 March), B4 (due 9 March), A8 (flagged), A11 (old SLA date).
    assertThat(rows(Figure.OPEN_BY_STATUS)).containsExactly(
        row("OPEN", "NONE", 1L, 0L),
        row("AWAITING_SELLER", "SELLER", 3L, 1L),
        row("AWAITING_BUYER", "BUYER", 2L, 1L),
        row("IN_MEDIATION", "PLATFORM", 2L, 2L));
  }

  @Test
  void outcomesCountEachDisputeOpenedInThePeriodOnce() {
    // 11 opened: A1 agreement; A2 buyer silent; A6 cancelled; A3, A4, A5, A11 decided; A8
    // awaiting a decision; A7, A9, A10 open.
    assertThat(rows(Figure.OUTCOMES)).containsExactly(
        row("AGREEMENT", 1L, d("0.0909")),
        row("BUYER_NO_RESPONSE", 1L, d("0.0909")),
        row("CANCELLED_BY_BUYER", 1L, d("0.0909")),
        row("DECIDED", 4L, d("0.3636")),
        row("AWAITING_DECISION", 1L, d("0.0909")),
        row("OPEN", 3L, d("0.2727")));
  }

  @Test
  void escalationsSplitSellerSilenceFromRequests() {
    // A4 and A11 automatic, A3 and A8 by the buyer, A5 by the seller; B2's was in February.
    assertThat(rows(Figure.ESCALATIONS)).containsExactly(
        row("SELLER_NO_RESPONSE", "AUTOMATIC", 2L, d("0.4000")),
        row("BUYER_REQUESTED", "REQUESTED", 2L, d("0.4000")),
        row("SELLER_REQUESTED", "REQUESTED", 1L, d("0.2000")));
  }

  @Test
  void durationsHaveInterpolatedMediansAndNinetiethPercentiles() {
    // Seller response (first answers in March): 3 (B1), 6 (A3), 12 (A9), 24 (A1), 48 (A5),
    // 72 (A2); B4's March answer is not its first. Median (12+24)/2; p90 at rank 4.5: 48 + 0.5*24.
    // Resolution (closed in March): 24, 25, 72, 72, 216, 309, 456. p90 at rank 5.4: 309 + 0.4*147.
    // Mediation (decided in March): 24, 48, 72, 144. Median 60; p90 at rank 2.7: 72 + 0.7*72.
    assertThat(rows(Figure.DURATIONS)).containsExactly(
        row("SELLER_RESPONSE", 6L, d("18.00"), d("60.00")),
        row("RESOLUTION", 7L, d("72.00"), d("367.80")),
        row("MEDIATION", 4L, d("60.00"), d("122.40")));
  }

  @Test
  void durationsAreEmptyWhenNothingEndedInThePeriod() {
    AnalyticsPeriod quiet = new AnalyticsPeriod(day("2025-06-01"), day("2025-06-30"));
    assertThat(analytics.figure(Figure.DURATIONS, quiet, RANKING).rows()).containsExactly(
        row("SELLER_RESPONSE", 0L, null, null),
        row("RESOLUTION", 0L, null, null),
        row("MEDIATION", 0L, null, null));
  }

  @Test
  void mediationSlaBreachesAndTheDecisionsTheyDelayed() {
    // Decided in March: A3, A4, A5, A11; A4 and A5 after a breach. Breach events in March: A4,
    // A5 twice, A8. Waiting past the SLA now: A8 (A11 is decided, its refund pending).
    assertThat(rows(Figure.MEDIATION_SLA)).containsExactly(
        row(4L, 2L, d("0.5000"), 4L, 1L));
  }

  @Test
  void decisionOutcomesSayWhoWon() {
    // A3 and A11 full refunds, A4 partial, A5 rejected; B2 was decided in February.
    assertThat(rows(Figure.DECISIONS)).containsExactly(
        row("BUYER_WON", "FULL_REFUND", 2L, d("0.5000")),
        row("BUYER_WON", "RETURN_AND_REFUND", 0L, d("0.0000")),
        row("PARTIAL", "PARTIAL_REFUND", 1L, d("0.2500")),
        row("SELLER_WON", "REJECT_CLAIM", 1L, d("0.2500")));
  }

  @Test
  void refundsTotalPerCurrency() {
    // USD: A1 49.90, A2 10.00 + 5.00, A4 20.00, B1 30.00, B2 25.00 (its 75.00 was in February).
    assertThat(rows(Figure.REFUNDS)).containsExactly(
        row("EUR", 1L, 1L, d("100.00")),
        row("USD", 6L, 5L, d("139.90")));
  }

  @Test
  void appealRateOverAppealableClosuresAndOverturnRateOverAppealDecisions() {
    // Appealable closures in March: A1, A2, A3, A4, A5, B1 (A6 cancelled, A12 refused).
    // Appealed: A5, and A1 on 1 April. Appeal decisions in March: A5 upheld, B2 overturned.
    assertThat(rows(Figure.APPEALS)).containsExactly(
        row(6L, 2L, d("0.3333"), 2L, 1L, d("0.5000")));
  }

  @Test
  void topSellersByDisputeRateAmongSellersWithEnoughOrders() {
    // Orders shipped in March: alpha 10, bravo 40, charlie 5, delta 20. Bravo and delta tie at
    // 0.1; bravo has more disputes. Charlie has too few orders to be ranked.
    assertThat(rows(Figure.TOP_SELLERS)).containsExactly(
        row(1L, "s-alpha", 10L, 3L, d("0.3000")),
        row(2L, "s-bravo", 40L, 4L, d("0.1000")),
        row(3L, "s-delta", 20L, 2L, d("0.1000")));
    assertThat(analytics.figure(Figure.TOP_SELLERS, MARCH, new SellerRanking(0, 2)).rows())
        .containsExactly(
            row(1L, "s-charlie", 5L, 2L, d("0.4000")),
            row(2L, "s-alpha", 10L, 3L, d("0.3000")));
  }

  @Test
  void eachPolicyRuleCountsTheDecisionsOfThePeriodThatAppliedItAndTheAppealReviews() {
    // A3 applied two rules, A4 two, A5 one, A11 two (one since removed from the catalogue); B2
    // was decided in February. A5's appeal was upheld, B2's overturned, both reviewed in March.
    BigDecimal none = d("0.0000");
    assertThat(rows(Figure.DECISIONS_BY_RULE)).containsExactly(
        row("INR_NO_DELIVERY_PROOF", 0L, 0L, null, 0L, 0L),
        row("INR_DELIVERY_CONFIRMED", 1L, 0L, none, 0L, 0L),
        row("SNAD_RETURN_REFUND", 1L, 0L, none, 0L, 0L),
        row("DAMAGED_IN_TRANSIT", 1L, 0L, none, 0L, 0L),
        row("DEFECT_RETURN_REFUND", 0L, 0L, null, 0L, 0L),
        row("MINOR_DEFECT_PARTIAL", 1L, 0L, none, 0L, 0L),
        row("QUANTITY_SHORT", 0L, 0L, null, 0L, 0L),
        row("SELLER_UNRESPONSIVE", 2L, 0L, none, 0L, 0L),
        row("CLAIM_UNSUPPORTED", 0L, 0L, null, 1L, 1L),
        row("BUYER_EVIDENCE_MISSING", 0L, 0L, null, 0L, 0L),
        row("APPEAL_NEW_EVIDENCE", 0L, 0L, null, 1L, 1L),
        row("APPEAL_NOTHING_NEW", 0L, 0L, null, 1L, 0L),
        row("RULE_SINCE_REMOVED", 1L, 0L, none, 0L, 0L));
  }

  @Test
  void aDecisionOverturnedOnAppealCountsAsOverturnedUnderTheRulesItApplied() {
    // From February on, B2's full refund is in the period: overturned on 10 March.
    List<List<Object>> rows = analytics.figure(Figure.DECISIONS_BY_RULE,
        new AnalyticsPeriod(day("2026-02-01"), SeededHistory.TO), RANKING).rows();
    assertThat(rows.get(0)).isEqualTo(
        row("INR_NO_DELIVERY_PROOF", 1L, 1L, d("1.0000"), 0L, 0L));
    assertThat(rows.subList(1, rows.size()))
        .isEqualTo(rows(Figure.DECISIONS_BY_RULE).subList(1, rows.size()));
  }
}
