package com.marketplace.disputes.analytics;

import com.marketplace.disputes.policy.PolicyCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The figure {@link Figure#DECISIONS_BY_RULE}: which policy rules decide disputes, and how often
 * the decisions that applied them were overturned. Read live from decision_rule over the
 * period's index range (decided_at); each row's overturn is one indexed look-up on the dispute's
 * timeline.
 */
@Repository
public class DecisionsByRule {

  private final JdbcClient jdbc;
  private final PolicyCatalogue catalogue;

  public DecisionsByRule(JdbcClient jdbc, PolicyCatalogue catalogue) {
    this.jdbc = jdbc;
    this.catalogue = catalogue;
  }

  public FigureTable figure(AnalyticsPeriod period) {
    Map<String, long[]> counts = new TreeMap<>();
    jdbc.sql("""
        select r.rule_id,
          sum(case when r.decision_id = r.dispute_id then 1 else 0 end),
          sum(case when r.decision_id = r.dispute_id and exists (
              select 1 from dispute_event e
              where e.dispute_id = r.dispute_id and e.event_type = 'APPEAL_OVERTURNED')
            then 1 else 0 end),
          sum(case when r.decision_id <> r.dispute_id then 1 else 0 end),
          sum(case when r.decision_id <> r.dispute_id and r.decision = 'OVERTURN'
            then 1 else 0 end)
        from decision_rule r
        where r.decided_at >= :from and r.decided_at < :to
        group by r.rule_id""")
        .param("from", period.start()).param("to", period.end())
        .query((rs, i) -> counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3),
            rs.getLong(4), rs.getLong(5)}))
        .list();
    List<String> order = new ArrayList<>();
    catalogue.all().forEach(rule -> order.add(rule.id()));
    counts.keySet().stream().filter(id -> !order.contains(id)).forEach(order::add);
    List<List<Object>> rows = new ArrayList<>();
    for (String rule : order) {
      long[] n = counts.getOrDefault(rule, new long[4]);
      List<Object> row = new ArrayList<>();
      row.add(rule);
      row.add(n[0]);
      row.add(n[1]);
      row.add(AnalyticsQueries.rate(n[1], n[0]));
      row.add(n[2]);
      row.add(n[3]);
      rows.add(row);
    }
    return new FigureTable(Figure.DECISIONS_BY_RULE, period, rows);
  }
}
