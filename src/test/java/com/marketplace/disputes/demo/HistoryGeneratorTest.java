package com.marketplace.disputes.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketplace.disputes.support.ServiceTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's generated history tells each dispute's story the way the processes record it: the
 * milestones on the row are those of its timeline, and what was paid is what the timeline says.
 */
@ServiceTest
class HistoryGeneratorTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final String OF_THE_HISTORY =
      "(select dispute_id from dispute where order_id like 'HIST-%')";

  @Autowired JdbcClient jdbc;

  @AfterEach
  void removeTheHistory() {
    for (String table : List.of("dispute_event", "refund")) {
      jdbc.sql("delete from " + table + " where dispute_id in " + OF_THE_HISTORY).update();
    }
    jdbc.sql("delete from dispute where order_id like 'HIST-%'").update();
    jdbc.sql("delete from market_order where order_id like 'HIST-%'").update();
  }

  @Test
  void rowsTimelinesAndRefundsTellTheSameStory() {
    int disputes = new HistoryGenerator(new HistoryWriter(jdbc), 7L)
        .generate(HistoryGenerator.DEMO_SHOPS, 30, NOW);

    assertThat(disputes).isGreaterThan(50);
    assertThat(count("select count(*) from dispute where order_id like 'HIST-%'"))
        .isEqualTo(disputes);
    assertThat(count("select count(*) from dispute where order_id like 'HIST-%'"
        + " and status = 'CLOSED'")).isPositive();
    // The milestones are the earliest timeline entry that reaches them, as Timeline keeps them.
    assertThat(count("""
        select count(*) from dispute d where d.order_id like 'HIST-%' and not (
          d.seller_answered_at is not distinct from (select min(e.occurred_at)
            from dispute_event e where e.dispute_id = d.dispute_id and e.event_type in
            ('SELLER_ACCEPTED', 'COUNTER_OFFERED', 'SELLER_REJECTED'))
          and d.mediation_sla_breached_at is not distinct from (select min(e.occurred_at)
            from dispute_event e where e.dispute_id = d.dispute_id
            and e.event_type = 'MEDIATION_SLA_BREACHED'))""")).isZero();
    assertThat(count("select count(*) from dispute where order_id like 'HIST-%'"
        + " and seller_answered_at is not null")).isPositive();
    // Each payment has its timeline entry with the same amount, and nothing lies in the future.
    assertThat(count("select count(*) from refund where dispute_id in " + OF_THE_HISTORY))
        .isPositive()
        .isEqualTo(count("select count(*) from dispute_event where event_type = 'REFUND_ISSUED'"
            + " and dispute_id in " + OF_THE_HISTORY));
    assertThat(count("""
        select count(*) from refund r where r.dispute_id in %s and not exists (
          select 1 from dispute_event e where e.dispute_id = r.dispute_id
            and e.event_type = 'REFUND_ISSUED' and e.amount = r.amount
            and e.occurred_at = r.requested_at)""".formatted(OF_THE_HISTORY))).isZero();
    assertThat(count("select count(*) from dispute_event where occurred_at > :now"
        + " and dispute_id in " + OF_THE_HISTORY)).isZero();
  }

  private long count(String sql) {
    var statement = jdbc.sql(sql);
    if (sql.contains(":now")) {
      statement = statement.param("now", Timestamp.from(NOW));
    }
    return statement.query(Long.class).single();
  }
}
