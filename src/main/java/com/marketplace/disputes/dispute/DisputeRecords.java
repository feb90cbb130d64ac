package com.marketplace.disputes.dispute;

import com.marketplace.disputes.kernel.AppClock;
import com.marketplace.disputes.kernel.PartyRows;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dispute's own records (tables dispute and dispute_offer; its timeline is
 * {@link com.marketplace.disputes.timeline.Timeline}), written in the engine's transaction so a
 * rolled-back step leaves no trace here either.
 */
@Repository
public class DisputeRecords {

  private final JdbcClient jdbc;

  public DisputeRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(String disputeId, String orderId, String processInstanceId, String buyerId,
      String sellerId, Claim claim, BigDecimal orderAmount, String currency) {
    jdbc.sql("""
        insert into dispute (dispute_id, order_id, process_instance_id, buyer_id, seller_id, status,
          reason, item_received, problem_detail, description, requested_resolution, requested_amount,
          order_amount, currency, opened_at)
        values (:id, :orderId, :pi, :buyer, :seller, :status, :reason, :received, :detail,
          :description, :resolution, :amount, :orderAmount, :currency, :now)""")
        .param("id", disputeId).param("orderId", orderId).param("pi", processInstanceId)
        .param("buyer", buyerId).param("seller", sellerId)
        .param("status", DisputeStatus.REQUESTED.name()).param("reason", claim.reason())
        .param("received", claim.itemReceived()).param("detail", claim.problemDetail())
        .param("description", claim.description()).param("resolution", claim.requestedResolution())
        .param("amount", claim.requestedAmount()).param("orderAmount", orderAmount)
        .param("currency", currency).param("now", ts(AppClock.now()))
        .update();
  }

  /** "NONE", "OPEN" or "CANCELLED": whether a dispute already blocks a new one for the order. */
  public String blockingDispute(String orderId) {
    return jdbc.sql("select status from dispute where order_lock = :orderId")
        .param("orderId", orderId).query(String.class).optional()
        .map(status -> DisputeStatus.CLOSED.name().equals(status) ? "CANCELLED" : "OPEN")
        .orElse("NONE");
  }

  /** Opens the dispute and takes the order's lock; the unique constraint refuses a second one. */
  public void open(String disputeId) {
    jdbc.sql("update dispute set status = :status, order_lock = order_id where dispute_id = :id")
        .param("status", DisputeStatus.OPEN.name()).param("id", disputeId).update();
  }

  public void updateClaim(String disputeId, Claim claim) {
    jdbc.sql("""
        update dispute set reason = :reason, item_received = :received, problem_detail = :detail,
          description = :description, requested_resolution = :resolution, requested_amount = :amount
        where dispute_id = :id""")
        .param("reason", claim.reason()).param("received", claim.itemReceived())
        .param("detail", claim.problemDetail()).param("description", claim.description())
        .param("resolution", claim.requestedResolution()).param("amount", claim.requestedAmount())
        .param("id", disputeId).update();
  }

  /** Whose move it is, in which state, and until when. */
  public void awaiting(String disputeId, DisputeStatus status, String party, Instant dueAt) {
    jdbc.sql("""
        update dispute set status = :status, awaiting = :party, due_at = :due, overdue = false
        where dispute_id = :id""")
        .param("status", status.name()).param("party", party).param("due", ts(dueAt))
        .param("id", disputeId).update();
  }

  public void flagOverdue(String disputeId) {
    jdbc.sql("update dispute set overdue = true where dispute_id = :id")
        .param("id", disputeId).update();
  }

  /** To the platform; {@code requestReason} and {@code comment} as the party gave them, or null. */
  public void escalated(String disputeId, String escalationReason, String requestReason,
      String comment) {
    jdbc.sql("""
        update dispute set status = :status, awaiting = 'PLATFORM',
          escalation_reason = :reason, escalation_request_reason = :requestReason,
          escalation_comment = :comment, escalated_at = :now where dispute_id = :id""")
        .param("status", DisputeStatus.IN_MEDIATION.name()).param("reason", escalationReason)
        .param("requestReason", requestReason).param("comment", comment)
        .param("now", ts(AppClock.now())).param("id", disputeId).update();
  }

  public void decided(String disputeId, String decision, String rationale, String decidedBy) {
    jdbc.sql("""
        update dispute set decision = :decision, decision_rationale = :rationale,
          decided_by = :by, decided_at = :now where dispute_id = :id""")
        .param("decision", decision).param("rationale", rationale).param("by", decidedBy)
        .param("now", ts(AppClock.now())).param("id", disputeId).update();
  }

  /**
   * Records the outcome the dispute is to carry out and the refund total it calls for, in the
   * transaction of the step that decides it. Refunds are paid from this record, never from a
   * process variable (see {@link DisputeFacts}).
   */
  public void recordOutcome(String disputeId, String resolution, BigDecimal refund) {
    jdbc.sql("""
        update dispute set outcome_resolution = :resolution, outcome_refund = :refund
        where dispute_id = :id""")
        .param("resolution", resolution).param("refund", refund).param("id", disputeId)
        .update();
  }

  /** The recorded outcome; empty while nothing has been decided. */
  public Optional<Outcome> outcome(String disputeId) {
    return jdbc.sql("""
        select outcome_resolution as resolution, outcome_refund as refund from dispute
        where dispute_id = :id and outcome_resolution is not null""")
        .param("id", disputeId).query(Outcome.class).optional();
  }

  /** Whom the mediator asked for evidence: BUYER or SELLER. */
  public void evidenceRequestedFrom(String disputeId, String party) {
    jdbc.sql("update dispute set evidence_requested_from = :party where dispute_id = :id")
        .param("party", party).param("id", disputeId).update();
  }

  public Optional<String> evidenceRequestedFrom(String disputeId) {
    return jdbc.sql("""
        select evidence_requested_from from dispute
        where dispute_id = :id and evidence_requested_from is not null""")
        .param("id", disputeId).query(String.class).optional();
  }

  /**
   * Closes the dispute. It keeps the order's lock only when the buyer cancelled it: a cancelled
   * dispute cannot be reopened.
   */
  public void close(String disputeId, DisputeStatus status, String closureReason,
      String resolution, BigDecimal refundAmount, String ineligibilityReason) {
    jdbc.sql("""
        update dispute set status = :status, closure_reason = :closure, resolution = :resolution,
          refund_amount = :refund, ineligibility_reason = :ineligible, awaiting = null,
          due_at = null, closed_at = :now,
          order_lock = case when :closure = 'CANCELLED_BY_BUYER' then order_id else null end
        where dispute_id = :id""")
        .param("status", status.name()).param("closure", closureReason)
        .param("resolution", resolution).param("refund", refundAmount)
        .param("ineligible", ineligibilityReason)
        .param("now", ts(AppClock.now())).param("id", disputeId).update();
  }

  /**
   * Reads the dispute and locks its row until the surrounding transaction ends, so that two
   * appeals of one dispute are decided one after the other.
   */
  public Optional<DisputeRecord> findForUpdate(String disputeId) {
    return jdbc.sql("select * from dispute where dispute_id = :id for update")
        .param("id", disputeId).query(DisputeRecord.class).optional();
  }

  /** Notes the appeal on the closed dispute; the dispute stays closed. */
  public void appealed(String disputeId, String appealId) {
    jdbc.sql("update dispute set appeal_id = :appeal where dispute_id = :id")
        .param("appeal", appealId).param("id", disputeId).update();
  }

  /**
   * The appeal is decided: the dispute is closed again with the outcome that now stands (an
   * overturn's new resolution, or the old one when upheld) and how the appeal ended.
   */
  public void appealClosed(String disputeId, String appealOutcome, String resolution,
      BigDecimal refundAmount) {
    jdbc.sql("""
        update dispute set status = :status, awaiting = null, due_at = null, overdue = false,
          appeal_outcome = :outcome, resolution = :resolution, refund_amount = :refund
        where dispute_id = :id""")
        .param("status", DisputeStatus.CLOSED.name()).param("outcome", appealOutcome)
        .param("resolution", resolution).param("refund", refundAmount).param("id", disputeId)
        .update();
  }

  public Optional<DisputeRecord> find(String disputeId) {
    return jdbc.sql("select * from dispute where dispute_id = :id").param("id", disputeId)
        .query(DisputeRecord.class).optional();
  }

  /** The user's disputes as buyer or seller, newest first. */
  public List<DisputeRecord> findByParty(String userId, int limit) {
    return PartyRows.newest(jdbc, "dispute", userId, limit, DisputeRecord.class);
  }

  public void proposeOffer(String disputeId, String proposedBy, String resolution,
      BigDecimal amount) {
    jdbc.sql("""
        insert into dispute_offer (dispute_id, proposed_by, resolution, amount, status, proposed_at)
        values (:id, :by, :resolution, :amount, :status, :now)""")
        .param("status", OfferStatus.PROPOSED.name()).param("id", disputeId)
        .param("by", proposedBy).param("resolution", resolution)
        .param("amount", amount).param("now", ts(AppClock.now())).update();
  }

  /** Answers the open offer, if any. */
  public void answerOffer(String disputeId, OfferStatus status) {
    jdbc.sql("""
        update dispute_offer set status = :status, answered_at = :now
        where dispute_id = :id and status = :open""")
        .param("status", status.name()).param("open", OfferStatus.PROPOSED.name())
        .param("now", ts(AppClock.now())).param("id", disputeId).update();
  }

  /** The seller's offer still waiting for the buyer's answer, if any. */
  public Optional<OfferEntry> openOffer(String disputeId) {
    return jdbc.sql("""
        select proposed_by, resolution, amount, status, proposed_at, answered_at
        from dispute_offer where dispute_id = :id and status = :open
        order by offer_id desc limit 1""")
        .param("open", OfferStatus.PROPOSED.name()).param("id", disputeId)
        .query(OfferEntry.class).optional();
  }

  public List<OfferEntry> offers(String disputeId) {
    return jdbc.sql("""
        select proposed_by, resolution, amount, status, proposed_at, answered_at
        from dispute_offer where dispute_id = :id order by offer_id""")
        .param("id", disputeId).query(OfferEntry.class).list();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  /** A row of the dispute table. */
  public record DisputeRecord(String disputeId, String orderId, String processInstanceId,
      String buyerId, String sellerId, String status, String reason, boolean itemReceived,
      String problemDetail, String description, String requestedResolution,
      BigDecimal requestedAmount, BigDecimal orderAmount, String currency, String awaiting,
      OffsetDateTime dueAt, boolean overdue, String ineligibilityReason, String escalationReason,
      String decision, String decisionRationale, String decidedBy, String closureReason,
      String resolution, BigDecimal refundAmount, OffsetDateTime openedAt, OffsetDateTime escalatedAt,
      OffsetDateTime decidedAt, OffsetDateTime closedAt, String appealId, String appealOutcome,
      String escalationRequestReason, String escalationComment) {}

  /** What a dispute is to carry out: a resolution and the refund total it calls for. */
  public record Outcome(String resolution, BigDecimal refund) {}

  /** One offer and what became of it. */
  public record OfferEntry(String proposedBy, String resolution, BigDecimal amount, String status,
      OffsetDateTime proposedAt, OffsetDateTime answeredAt) {}
}
