package com.marketplace.disputes.demo;

import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes dispute history straight into the service's tables, for disputes with no process
 * instance behind them: the demo's made-up past ({@link HistoryGenerator}), the tests' known
 * histories and the benchmarks' generated ones. Timeline entries go through {@link Timeline}, so
 * the milestones kept on a dispute's row follow the same rule as the processes' entries: write
 * the dispute's row before its entries. Many rows at once go in one statement per few hundred
 * rows, so that generators of many thousand disputes stay fast.
 */
public final class HistoryWriter {

  /** Parameters of one statement when many rows go at once, well below any driver's limit. */
  private static final int PARAMETERS_PER_STATEMENT = 6_000;

  /** The tables a dispute's history is written to. */
  public enum Table {
    ORDERS("market_order"), DISPUTES("dispute"), TIMELINE("dispute_event"), REFUNDS("refund");

    private final String name;

    Table(String name) {
      this.name = name;
    }
  }

  private final JdbcClient jdbc;
  private final Timeline timeline;

  public HistoryWriter(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.timeline = new Timeline(jdbc);
  }

  /** An order; {@code columns} maps column names of market_order to values. */
  public void order(Map<String, ?> columns) {
    orders(List.of(columns));
  }

  /** Orders, each row naming the same columns of market_order. */
  public void orders(List<? extends Map<String, ?>> rows) {
    insert(Table.ORDERS, rows);
  }

  /** A dispute's row; {@code columns} maps column names of dispute to values. */
  public void dispute(Map<String, ?> columns) {
    disputes(List.of(columns));
  }

  /** Disputes' rows, each naming the same columns of dispute. */
  public void disputes(List<? extends Map<String, ?>> rows) {
    insert(Table.DISPUTES, rows);
  }

  /** A timeline entry, with the milestone it reaches kept on the dispute's row. */
  public void event(TimelineEvent event) {
    timeline.record(event);
  }

  /** Timeline entries in their order, with the milestones they reach. */
  public void events(List<TimelineEvent> events) {
    timeline.recordAll(events);
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

  /**
   * The rows {@code select} yields, its columns being {@code columns} of {@code table} in their
   * order, written in one statement: for a history generated in SQL (a million disputes), whose
   * rows never leave the database. Timeline entries written so keep no milestone on the dispute's
   * row: the generator sets them afterwards in one pass, as the migration that added them did.
   * Returns how many rows.
   */
  public int insertSelected(Table table, String columns, String select) {
    return jdbc.sql("insert into " + table.name + " (" + columns + ") " + select).update();
  }

  private void insert(Table table, List<? extends Map<String, ?>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    List<String> columns = new ArrayList<>(rows.get(0).keySet());
    int perStatement = Math.max(1, PARAMETERS_PER_STATEMENT / columns.size());
    for (int from = 0; from < rows.size(); from += perStatement) {
      insert(table, columns, rows.subList(from, Math.min(rows.size(), from + perStatement)));
    }
  }

  private void insert(Table table, List<String> columns, List<? extends Map<String, ?>> rows) {
    StringBuilder sql = new StringBuilder("insert into " + table.name + " (")
        .append(String.join(", ", columns)).append(") values ");
    for (int row = 0; row < rows.size(); row++) {
      sql.append(row == 0 ? "(" : ", (");
      for (int column = 0; column < columns.size(); column++) {
        sql.append(column == 0 ? ":" : ", :").append(columns.get(column)).append(row);
      }
      sql.append(')');
    }
    JdbcClient.StatementSpec insert = jdbc.sql(sql.toString());
    for (int row = 0; row < rows.size(); row++) {
      Map<String, ?> values = rows.get(row);
      if (!values.keySet().equals(rows.get(0).keySet())) {
        throw new IllegalArgumentException("rows written together name the same columns: "
            + values.keySet() + " is not " + columns);
      }
      for (String column : columns) {
        Object value = values.get(column);
        insert = insert.param(column + row,
            value instanceof Instant instant ? Timestamp.from(instant) : value);
      }
    }
    insert.update();
  }
}
