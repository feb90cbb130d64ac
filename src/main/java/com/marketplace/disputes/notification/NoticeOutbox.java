package com.marketplace.disputes.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table {@code notice_outbox}: which notice went to whom, keyed by its idempotency key.
 *
 * <p>Every write commits on its own ({@code REQUIRES_NEW}), not with the engine's transaction: a
 * mail the server accepted stays marked SENT even when the job that sent it rolls back later, so
 * the retried job does not send it again.
 */
@Component
public class NoticeOutbox {

  /** Where a notice stands. */
  public enum Status { PENDING, FAILED, SENT, UNDELIVERABLE }

  /** One notice to one recipient. */
  record Entry(String key, String businessKey, String disputeId, Notice notice,
      String recipientId, RecipientRole role, String address, String locale,
      String processInstanceId, String activityId, String occurrence, String messageId,
      String subject) {}

  /** A row as the outbox viewer shows it. */
  public record Row(String key, String businessKey, String notice, String recipientId,
      String recipientRole, String address, String locale, String messageId, String subject,
      Status status, int attempts, String lastError, Instant createdAt, Instant sentAt) {}

  private static final int MAX_ERROR_LENGTH = 1000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  NoticeOutbox(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Records the notice as PENDING unless it is known already; returns its status either way. */
  Status claim(Entry entry) {
    return insertIfAbsent(entry, Status.PENDING, null);
  }

  /** Records that the notice cannot be delivered because the recipient has no address. */
  Status recordUndeliverable(Entry entry, String reason) {
    return insertIfAbsent(entry, Status.UNDELIVERABLE, reason);
  }

  void markSent(String key) {
    ownTransaction.executeWithoutResult(tx -> jdbc.update(
        "update notice_outbox set status = ?, attempts = attempts + 1, last_error = null,"
            + " last_attempt_at = ?, sent_at = ? where idempotency_key = ?",
        Status.SENT.name(), now(), now(), key));
  }

  void markFailed(String key, String error) {
    String message = error == null ? "unknown error" : error;
    String trimmed = message.length() > MAX_ERROR_LENGTH
        ? message.substring(0, MAX_ERROR_LENGTH) : message;
    ownTransaction.executeWithoutResult(tx -> jdbc.update(
        "update notice_outbox set status = ?, attempts = attempts + 1, last_error = ?,"
            + " last_attempt_at = ? where idempotency_key = ? and status <> ?",
        Status.FAILED.name(), trimmed, now(), key, Status.SENT.name()));
  }

  /** The newest rows first. */
  public List<Row> recent(int limit) {
    return jdbc.query(
        "select * from notice_outbox order by created_at desc, idempotency_key"
            + " limit " + Math.max(1, limit),
        NoticeOutbox::row);
  }

  public List<Row> forBusinessKey(String businessKey) {
    return jdbc.query(
        "select * from notice_outbox where business_key = ? order by created_at, idempotency_key",
        NoticeOutbox::row, businessKey);
  }

  private Status insertIfAbsent(Entry entry, Status status, String error) {
    try {
      return ownTransaction.execute(tx -> {
        Status existing = statusOf(entry.key());
        if (existing != null) {
          return existing;
        }
        jdbc.update("insert into notice_outbox (idempotency_key, business_key, dispute_id, notice,"
                + " recipient_id, recipient_role, recipient_address, locale, process_instance_id,"
                + " activity_id, occurrence, message_id, subject, status, attempts, last_error,"
                + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
            entry.key(), entry.businessKey(), entry.disputeId(), entry.notice().name(),
            entry.recipientId(), entry.role().name(), entry.address(), entry.locale(),
            entry.processInstanceId(), entry.activityId(), entry.occurrence(), entry.messageId(),
            entry.subject(), status.name(), error, now());
        return status;
      });
    } catch (DuplicateKeyException concurrentInsert) {
      return ownTransaction.execute(tx -> statusOf(entry.key()));
    }
  }

  private Status statusOf(String key) {
    List<String> statuses = jdbc.queryForList(
        "select status from notice_outbox where idempotency_key = ?", String.class, key);
    return statuses.isEmpty() ? null : Status.valueOf(statuses.get(0));
  }

  private static Row row(ResultSet rs, int rowNum) throws SQLException {
    return new Row(
        rs.getString("idempotency_key"),
        rs.getString("business_key"),
        rs.getString("notice"),
        rs.getString("recipient_id"),
        rs.getString("recipient_role"),
        rs.getString("recipient_address"),
        rs.getString("locale"),
        rs.getString("message_id"),
        rs.getString("subject"),
        Status.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        instant(rs, "created_at"),
        instant(rs, "sent_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
