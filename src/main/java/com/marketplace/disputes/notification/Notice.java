package com.marketplace.disputes.notification;

import static com.marketplace.disputes.notification.Fact.*;

import java.util.List;

/**
 * Every notice the models send (the {@code notice} input parameter of a send task): whose move it
 * announces and which facts it shows. The words are in the bundle {@code i18n/notices}.
 */
public enum Notice {
  DISPUTE_OPENED(Turn.SELLER_RESPONSE, false,
      REASON, DESCRIPTION, REQUESTED_RESOLUTION, REQUESTED_AMOUNT),
  DISPUTE_REFUSED(null, false, INELIGIBILITY_REASON, REASON, REQUESTED_RESOLUTION),
  SELLER_REMINDER(Turn.SELLER_RESPONSE, false,
      REASON, DESCRIPTION, REQUESTED_RESOLUTION, REQUESTED_AMOUNT),
  CLAIM_MODIFIED(Turn.SELLER_RESPONSE, false,
      REASON, DESCRIPTION, REQUESTED_RESOLUTION, REQUESTED_AMOUNT),
  SELLER_RESPONDED(Turn.BUYER_REVIEW, false,
      SELLER_RESPONSE, OFFER_RESOLUTION, OFFER_AMOUNT, SELLER_COMMENT),
  ESCALATED(null, false, ESCALATION_REASON, REQUESTED_RESOLUTION, REQUESTED_AMOUNT),
  EVIDENCE_REQUESTED(Turn.EVIDENCE, false, EVIDENCE_REQUEST),
  EVIDENCE_ADDED(null, false, EVIDENCE_REQUEST, EVIDENCE_NOTE),
  DECISION(null, true,
      PLATFORM_DECISION, DECISION_RATIONALE, DECISION_RULES, RESOLUTION, REFUND_AMOUNT,
      REFUND_EXPECTED_BY),
  MEDIATION_SLA_BREACHED(Turn.PLATFORM_DECISION, false, ESCALATION_REASON, REQUESTED_RESOLUTION),
  DISPUTE_CLOSED(null, true,
      CLOSURE_REASON, RESOLUTION, REFUND_AMOUNT, REFUND_ID, REFUND_EXPECTED_BY),
  RETURN_INSTRUCTIONS(Turn.RETURN_SHIPMENT, false, RESOLUTION, REFUND_AMOUNT),
  RETURN_SHIPPED(Turn.RETURN_RECEIPT, false, RETURN_TRACKING_NUMBER, REFUND_AMOUNT),
  REFUND_ISSUED(null, false, REFUND_AMOUNT, REFUND_ID, REFUND_EXPECTED_BY),
  CONTACT_STARTED(Turn.SELLER_REPLY, false, BUYER_MESSAGE),
  SELLER_REPLIED(Turn.ISSUE_CONFIRMATION, false, SELLER_MESSAGE),
  SELLER_NO_REPLY(Turn.ISSUE_CONFIRMATION, false, BUYER_MESSAGE),
  APPEAL_RECEIVED(Turn.APPEAL_REVIEW, false, APPEAL_STATEMENT),
  APPEAL_DECIDED(null, false, APPEAL_DECISION, APPEAL_RATIONALE, DECISION_RULES, RESOLUTION,
      REFUND_AMOUNT),
  APPEAL_SLA_BREACHED(Turn.APPEAL_REVIEW, false, APPEAL_STATEMENT),
  /** Not a send task's: the dispute's conversation writes it, one per burst of messages. */
  NEW_MESSAGES(null, false, MESSAGE_COUNT, MESSAGES, CONVERSATION_LINK);

  /** The move this notice announces, or null when nobody has to act on it. */
  final Turn turn;
  /** Whether the notice tells the parties how to appeal (when the outcome can be appealed). */
  final boolean appealHint;
  final List<Fact> facts;

  Notice(Turn turn, boolean appealHint, Fact... facts) {
    this.turn = turn;
    this.appealHint = appealHint;
    this.facts = List.of(facts);
  }
}
