package com.marketplace.disputes.demo;

import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes dispute history straight into the service's tables, for disputes with no process
 * instance behind them: the demo's made-up past ({@link HistoryGenerator}) and the tests' known
 * histories. Timeline entries go through {@link Timeline}, so the milestones kept on a dispute's
 * row follow the same rule as the processes' entries: write the dispute's row before its entries.
 */
public final class HistoryWriter {

  private final JdbcClient jdbc;
  private final Timeline timeline;

  public HistoryWriter(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.timeline = new Timeline(jdbc);
  }

  /** An order; {@code columns} maps column names of market_order to values. */
  public void order(Map<String, ?> columns) {
    insert("market_order", columns);
  }

  /** A dispute's row; {@code columns} maps column names of dispute to values. */
  public void dispute(Map<String, ?> columns) {
    insert("dispute", columns);
  }

  /** A timeline entry, with the milestone it reaches kept on the dispute's row. */
  public void event(TimelineEvent event) {
    timeline.record(event);
  }

  /** A refund paid at {@code at}, as the refund step records it. */
  public void refund(String refundId, String disputeId, String idempotencyKey, BigDecimal amount,
      String currency, Instant at, LocalDate expectedBy) {
    jdbc.sql("""
        insert into refund (refund_id, dispute_id, idempotency_key, amount, currency,
          requested_at, expected_by)
        values (:id, :dispute, :key, :amount, :currency, :at, :expected)""")
        .param("id", refundId).param("dispute", disputeId).param("key", idempotencyKey)
        .param("amount", amount).param("currency", currency).param("at", Timestamp.from(at))
        .param("expected", expectedBy).update();
  }

  private void insert(String table, Map<String, ?> columns) {
    String names = String.join(", ", columns.keySet());
    String values = columns.keySet().stream().map(column -> ":" + column)
        .collect(Collectors.joining(", "));
    JdbcClient.StatementSpec insert =
        jdbc.sql("insert into " + table + " (" + names + ") values (" + values + ")");
    for (Map.Entry<String, ?> column : columns.entrySet()) {
      Object value = column.getValue();
      insert = insert.param(column.getKey(),
          value instanceof Instant instant ? Timestamp.from(instant) : value);
    }
    insert.update();
  }
}
