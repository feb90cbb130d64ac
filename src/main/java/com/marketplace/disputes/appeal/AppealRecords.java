package com.marketplace.disputes.appeal;

import com.marketplace.disputes.kernel.AppClock;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The appeal table: every appeal request, refused or reviewed, written in the engine's transaction. */
@Repository
public class AppealRecords {

  private final JdbcClient jdbc;

  public AppealRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A refused request: kept with its reason, holding no lock on the dispute. */
  public void insertRefused(String appealId, String disputeId, String processInstanceId,
      String appellantId, String appellantRole, String statement, String rejectedReason) {
    jdbc.sql("""
        insert into appeal (appeal_id, dispute_id, process_instance_id, appellant_id,
          appellant_role, status, rejected_reason, statement, opened_at, closed_at)
        values (:id, :dispute, :pi, :appellant, :role, :status, :reason, :statement, :now, :now)""")
        .param("id", appealId).param("dispute", disputeId).param("pi", processInstanceId)
        .param("appellant", appellantId).param("role", appellantRole)
        .param("status", AppealStatus.REFUSED.name())
        .param("reason", rejectedReason).param("statement", statement)
        .param("now", ts(AppClock.now())).update();
  }

  /**
   * An accepted appeal, with the outcome it challenges. It takes the dispute's lock: the unique
   * constraint refuses a second accepted appeal of the same dispute.
   */
  public void insertAccepted(String appealId, String disputeId, String processInstanceId,
      String appellantId, String appellantRole, String statement, String previousResolution,
      BigDecimal previousRefund) {
    jdbc.sql("""
        insert into appeal (appeal_id, dispute_id, process_instance_id, appellant_id,
          appellant_role, status, statement, previous_resolution, previous_refund, opened_at,
          dispute_lock)
        values (:id, :dispute, :pi, :appellant, :role, :status, :statement, :resolution, :refund,
          :now, :dispute)""")
        .param("id", appealId).param("dispute", disputeId).param("pi", processInstanceId)
        .param("appellant", appellantId).param("role", appellantRole)
        .param("status", AppealStatus.IN_REVIEW.name())
        .param("statement", statement).param("resolution", previousResolution)
        .param("refund", previousRefund).param("now", ts(AppClock.now())).update();
  }

  public void flagOverdue(String appealId) {
    jdbc.sql("update appeal set overdue = true where appeal_id = :id").param("id", appealId)
        .update();
  }

  /** The senior mediator's decision, and the outcome it orders. */
  public void decided(String appealId, String decision, String rationale, String reviewerId,
      String resolution, BigDecimal refundAmount) {
    jdbc.sql("""
        update appeal set status = :status, decision = :decision, rationale = :rationale,
          reviewer_id = :reviewer, resolution = :resolution, refund_amount = :refund,
          decided_at = :now
        where appeal_id = :id""")
        .param("status", AppealStatus.DECIDED.name()).param("decision", decision)
        .param("rationale", rationale)
        .param("reviewer", reviewerId).param("resolution", resolution).param("refund", refundAmount)
        .param("now", ts(AppClock.now())).param("id", appealId).update();
  }

  /** Closed with the outcome that stands once everything was carried out. */
  public void closed(String appealId, String resolution, BigDecimal refundAmount) {
    jdbc.sql("""
        update appeal set status = :status, resolution = :resolution, refund_amount = :refund,
          closed_at = :now
        where appeal_id = :id""")
        .param("status", AppealStatus.CLOSED.name()).param("resolution", resolution)
        .param("refund", refundAmount)
        .param("now", ts(AppClock.now())).param("id", appealId).update();
  }

  public Optional<AppealRecord> find(String appealId) {
    return jdbc.sql("select * from appeal where appeal_id = :id").param("id", appealId)
        .query(AppealRecord.class).optional();
  }

  /** The appeals a user filed, newest first. */
  public List<AppealRecord> findByAppellant(String userId, int limit) {
    return jdbc.sql("""
        select * from appeal where appellant_id = :user order by opened_at desc limit :limit""")
        .param("user", userId).param("limit", limit).query(AppealRecord.class).list();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  /** A row of the appeal table. */
  public record AppealRecord(String appealId, String disputeId, String processInstanceId,
      String appellantId, String appellantRole, String status, String rejectedReason,
      String statement, String decision, String rationale, String reviewerId,
      String previousResolution, BigDecimal previousRefund, String resolution,
      BigDecimal refundAmount, boolean overdue, OffsetDateTime openedAt, OffsetDateTime decidedAt,
      OffsetDateTime closedAt) {}
}
