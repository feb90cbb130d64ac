package com.marketplace.disputes.notification;

import com.marketplace.disputes.kernel.AppClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The table {@code notice_outbox}: every notice to every recipient, written by the step that
 * causes it and sent by the {@link NoticeDispatcher}.
 *
 * <p>{@link #record} joins the caller's transaction, which is the engine's when a send task runs:
 * a step that rolls back leaves no notice, a step that commits leaves one. Sending is the
 * dispatcher's business ({@link NoticeQueue}); this class also answers the outbox viewer and the
 * operator's retry and drop.
 */
@Component
public class NoticeOutbox {

  /**
   * Where a notice stands. PENDING and FAILED are due at their next attempt; GAVE_UP waits for an
   * operator; SENT, UNDELIVERABLE (no address) and DROPPED are final.
   */
  public enum Status {
    PENDING, FAILED, GAVE_UP, SENT, UNDELIVERABLE, DROPPED;

    /** Whether the dispatcher still sends it by itself. */
    boolean due() {
      return this == PENDING || this == FAILED;
    }
  }

  /** One notice to one recipient, as the step writes it. */
  record Entry(String key, String businessKey, String disputeId, Notice notice,
      String recipientId, RecipientRole role, String recipientName, String address, String locale,
      String processInstanceId, String activityId, String occurrence, String messageId) {}

  /** A row as the outbox viewer shows it. */
  public record Row(String key, String businessKey, String notice, String recipientId,
      String recipientRole, String address, String locale, String messageId, String subject,
      Status status, int attempts, String lastError, Instant createdAt, Instant sentAt,
      Instant nextAttemptAt) {}

  static final int MAX_ERROR_LENGTH = 1000;

  private final JdbcTemplate jdbc;

  NoticeOutbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Writes the notice, due now, in the caller's transaction. */
  void record(Entry entry, RenderedNotice mail) {
    insert(entry, mail, Status.PENDING, null, AppClock.now());
  }

  /** Writes the notice due at {@code dueAt}: one that waits for more of its kind to join it. */
  void record(Entry entry, RenderedNotice mail, Instant dueAt) {
    insert(entry, mail, Status.PENDING, null, dueAt);
  }

  /** A written notice nobody has tried or taken yet: see {@link #untouched}. */
  record Untouched(String key, String occurrence) {}

  /**
   * The recipient's notice of this kind for this case that no sender has tried or taken yet,
   * locked until the caller's transaction ends, so that the caller may rewrite it ({@link
   * #rewrite}) rather than add another, and no sender takes it meanwhile.
   */
  Optional<Untouched> untouched(String businessKey, Notice notice, String recipientId) {
    return jdbc.query("select idempotency_key, occurrence from notice_outbox"
            + " where business_key = ? and notice = ? and recipient_id = ? and status = ?"
            + " and attempts = 0 and lease_owner is null for update",
        (rs, i) -> new Untouched(rs.getString(1), rs.getString(2)),
        businessKey, notice.name(), recipientId, Status.PENDING.name()).stream().findFirst();
  }

  /** Gives an untouched notice a new mail; false when a sender took or tried it meanwhile. */
  boolean rewrite(String key, RenderedNotice mail) {
    if (jdbc.update("update notice_outbox set subject = ? where idempotency_key = ?"
            + " and status = ? and attempts = 0 and lease_owner is null",
        mail.subject(), key, Status.PENDING.name()) == 0) {
      return false;
    }
    jdbc.update("update notice_body set body_text = ?, body_html = ? where idempotency_key = ?",
        mail.text(), mail.html(), key);
    return true;
  }

  /** Writes that the notice cannot be delivered because the recipient has no address. */
  void recordUndeliverable(Entry entry, String reason) {
    insert(entry, null, Status.UNDELIVERABLE, reason, null);
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

  public Optional<Row> find(String key) {
    return jdbc.query("select * from notice_outbox where idempotency_key = ?", NoticeOutbox::row,
        key).stream().findFirst();
  }

  /**
   * An operator's retry: a notice that failed, gave up or was dropped is due again now, its
   * attempts kept for the record. Returns false when there is no such notice to retry.
   */
  public boolean retry(String key) {
    return jdbc.update("update notice_outbox set status = ?, next_attempt_at = ?,"
            + " lease_owner = null, lease_until = null"
            + " where idempotency_key = ? and status in (?, ?, ?)",
        Status.PENDING.name(), offset(AppClock.now()), key,
        Status.FAILED.name(), Status.GAVE_UP.name(), Status.DROPPED.name()) == 1;
  }

  /** An operator's drop: a notice not yet sent is never sent. */
  public boolean drop(String key, String reason) {
    return jdbc.update("update notice_outbox set status = ?, last_error = ?,"
            + " lease_owner = null, lease_until = null"
            + " where idempotency_key = ? and status in (?, ?, ?)",
        Status.DROPPED.name(), trim(reason), key,
        Status.PENDING.name(), Status.FAILED.name(), Status.GAVE_UP.name()) == 1;
  }

  private void insert(Entry entry, RenderedNotice mail, Status status, String error,
      Instant dueAt) {
    OffsetDateTime now = offset(AppClock.now());
    jdbc.update("insert into notice_outbox (idempotency_key, business_key, dispute_id, notice,"
            + " recipient_id, recipient_role, recipient_name, recipient_address, locale,"
            + " process_instance_id, activity_id, occurrence, message_id, subject,"
            + " status, attempts, last_error, created_at, next_attempt_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
        entry.key(), entry.businessKey(), entry.disputeId(), entry.notice().name(),
        entry.recipientId(), entry.role().name(), entry.recipientName(), entry.address(),
        entry.locale(), entry.processInstanceId(), entry.activityId(), entry.occurrence(),
        entry.messageId(), mail == null ? null : mail.subject(),
        status.name(), error, now, status.due() ? offset(dueAt) : null);
    if (mail != null) {
      jdbc.update("insert into notice_body (idempotency_key, body_text, body_html)"
          + " values (?, ?, ?)", entry.key(), mail.text(), mail.html());
    }
  }

  static String trim(String error) {
    String message = error == null ? "unknown error" : error;
    return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
  }

  static OffsetDateTime offset(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
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
        instant(rs, "sent_at"),
        instant(rs, "next_attempt_at"));
  }
}
