package com.marketplace.disputes.analytics;

import com.marketplace.disputes.analytics.AnalyticsQueries.OpenCount;
import com.marketplace.disputes.kernel.AppClock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Computes a figure for a period: the one place that knows which query answers which figure. Not
 * one transaction: each query reads what is committed when it runs, and a day settled on the way
 * ({@link SettledDays}) commits in a transaction of its own, without holding a second connection.
 */
@Service
public class DisputeAnalytics {

  /** How the seller ranking is cut: at least this many orders, this many sellers. */
  public record SellerRanking(int minOrders, int limit) {}

  private final AnalyticsQueries queries;
  private final OpenDisputes openDisputes;
  private final DecisionsByRule byRule;

  public DisputeAnalytics(AnalyticsQueries queries, OpenDisputes openDisputes,
      DecisionsByRule byRule) {
    this.queries = queries;
    this.openDisputes = openDisputes;
    this.byRule = byRule;
  }

  public FigureTable figure(Figure figure, AnalyticsPeriod period, SellerRanking ranking) {
    return switch (figure) {
      case OPENED_PER_DAY -> queries.openedPerDay(period);
      case OPEN_BY_STATUS -> openByStatus(period);
      case OUTCOMES -> queries.outcomes(period);
      case ESCALATIONS -> queries.escalations(period);
      case DURATIONS -> queries.durations(period);
      case MEDIATION_SLA -> queries.mediationSla(period,
          AppClock.now().atOffset(ZoneOffset.UTC));
      case DECISIONS -> queries.decisions(period);
      case REFUNDS -> queries.refunds(period);
      case APPEALS -> queries.appeals(period);
      case DECISIONS_BY_RULE -> byRule.figure(period);
      case TOP_SELLERS -> queries.topSellers(period, ranking.minOrders(), ranking.limit());
    };
  }

  /** Every figure for the period, in the order the dashboard shows them. */
  public List<FigureTable> all(AnalyticsPeriod period, SellerRanking ranking) {
    return Arrays.stream(Figure.values()).map(f -> figure(f, period, ranking)).toList();
  }

  private FigureTable openByStatus(AnalyticsPeriod period) {
    List<List<Object>> rows = new ArrayList<>();
    for (OpenCount count : openDisputes.counts()) {
      rows.add(List.of(count.status(), count.awaiting(), count.disputes(), count.overdue()));
    }
    return new FigureTable(Figure.OPEN_BY_STATUS, period, rows);
  }
}
