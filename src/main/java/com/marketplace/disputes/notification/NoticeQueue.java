package com.marketplace.disputes.notification;

import static com.marketplace.disputes.notification.NoticeOutbox.instant;
import static com.marketplace.disputes.notification.NoticeOutbox.offset;

import com.marketplace.disputes.notification.NoticeOutbox.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatcher's side of the outbox: taking a batch of due notices under a lease, and marking
 * what became of them. Every call commits on its own, outside any engine transaction.
 *
 * <p>A batch is taken in one statement that writes the sender's lease on due rows nobody holds:
 * {@code for update skip locked} keeps two nodes from waiting on (or taking) each other's rows,
 * and the lease's expiry hands the rows of a sender that died to the next one. A mail the server
 * accepted whose mark was lost (the node died in between) is sent again when its lease runs out,
 * with the same Message-ID, so mail clients show it once.
 */
@Component
class NoticeQueue {

  /** A due notice, as the step wrote it. */
  record Due(String key, String recipientId, String recipientName, String address, Locale locale,
      String messageId, RenderedNotice mail, int attempts, Instant createdAt) {}

  /** What the outbox holds that is not sent yet, for the gauges. */
  record Backlog(long due, long failing, long gaveUp, Instant oldestUnsent) {}

  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  NoticeQueue(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Takes up to {@code limit} due notices for {@code owner} until {@code now + lease}. */
  List<Due> take(String owner, int limit, Instant now, Duration lease) {
    MapSqlParameterSource params = new MapSqlParameterSource()
        .addValue("owner", owner)
        .addValue("until", offset(now.plus(lease)))
        .addValue("now", offset(now))
        .addValue("due", List.of(Status.PENDING.name(), Status.FAILED.name()))
        .addValue("limit", limit);
    return ownTransaction.execute(tx -> {
      int taken = jdbc.update("""
          update notice_outbox set lease_owner = :owner, lease_until = :until
          where idempotency_key in (
            select idempotency_key from notice_outbox
            where status in (:due) and next_attempt_at <= :now
              and (lease_until is null or lease_until < :now)
            order by next_attempt_at
            limit :limit
            for update skip locked)""", params);
      if (taken == 0) {
        return Collections.<Due>emptyList();
      }
      return jdbc.query("""
          select o.*, b.body_text, b.body_html
          from notice_outbox o join notice_body b on b.idempotency_key = o.idempotency_key
          where o.lease_owner = :owner and o.status in (:due)
          order by o.next_attempt_at, o.idempotency_key""", params, NoticeQueue::due);
    });
  }

  /** Marks the notices a sender took and the server accepted as SENT, in one statement. */
  void markSent(String owner, List<String> keys, Instant now) {
    if (keys.isEmpty()) {
      return;
    }
    ownTransaction.executeWithoutResult(tx -> jdbc.update("""
        update notice_outbox set status = :sent, sent_at = :now, last_attempt_at = :now,
          attempts = attempts + 1, last_error = null, lease_owner = null, lease_until = null
        where lease_owner = :owner and idempotency_key in (:keys)""",
        new MapSqlParameterSource()
            .addValue("sent", Status.SENT.name())
            .addValue("now", offset(now))
            .addValue("owner", owner)
            .addValue("keys", keys)));
  }

  /**
   * Marks one failed attempt: the notice is due again at {@code next}, or, when {@code next} is
   * null, waits for an operator (GAVE_UP).
   */
  void markFailed(String owner, String key, String error, Instant now, Instant next) {
    ownTransaction.executeWithoutResult(tx -> jdbc.update("""
        update notice_outbox set status = :status, attempts = attempts + 1, last_error = :error,
          last_attempt_at = :now, next_attempt_at = :next, lease_owner = null, lease_until = null
        where lease_owner = :owner and idempotency_key = :key""",
        new MapSqlParameterSource()
            .addValue("status", (next == null ? Status.GAVE_UP : Status.FAILED).name())
            .addValue("error", NoticeOutbox.trim(error))
            .addValue("now", offset(now))
            .addValue("next", next == null ? null : offset(next))
            .addValue("owner", owner)
            .addValue("key", key)));
  }

  /** Gives back notices taken but not tried (the batch stopped early): due as they were. */
  void release(String owner, List<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    ownTransaction.executeWithoutResult(tx -> jdbc.update("""
        update notice_outbox set lease_owner = null, lease_until = null
        where lease_owner = :owner and idempotency_key in (:keys)""",
        new MapSqlParameterSource().addValue("owner", owner).addValue("keys", keys)));
  }

  Backlog backlog(Instant now) {
    return jdbc.queryForObject("""
        select
          coalesce(sum(case when status in (:due) and next_attempt_at <= :now then 1 else 0 end), 0),
          coalesce(sum(case when status = :failed then 1 else 0 end), 0),
          coalesce(sum(case when status = :gaveUp then 1 else 0 end), 0),
          min(created_at) as oldest
        from notice_outbox where status in (:unsent)""",
        new MapSqlParameterSource()
            .addValue("due", List.of(Status.PENDING.name(), Status.FAILED.name()))
            .addValue("now", offset(now))
            .addValue("failed", Status.FAILED.name())
            .addValue("gaveUp", Status.GAVE_UP.name())
            .addValue("unsent", List.of(Status.PENDING.name(), Status.FAILED.name(),
                Status.GAVE_UP.name())),
        (rs, i) -> new Backlog(rs.getLong(1), rs.getLong(2), rs.getLong(3),
            instant(rs, "oldest")));
  }

  private static Due due(ResultSet rs, int rowNum) throws SQLException {
    return new Due(
        rs.getString("idempotency_key"),
        rs.getString("recipient_id"),
        rs.getString("recipient_name"),
        rs.getString("recipient_address"),
        Locale.forLanguageTag(rs.getString("locale") == null ? "en" : rs.getString("locale")),
        rs.getString("message_id"),
        new RenderedNotice(rs.getString("subject"), rs.getString("body_html"),
            rs.getString("body_text")),
        rs.getInt("attempts"),
        instant(rs, "created_at"));
  }
}
