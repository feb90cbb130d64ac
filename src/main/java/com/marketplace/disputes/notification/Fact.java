package com.marketplace.disputes.notification;

import com.marketplace.disputes.appeal.AppealProcess;
import com.marketplace.disputes.contact.SellerContactProcess;
import com.marketplace.disputes.dispute.DisputeProcess;
import com.marketplace.disputes.policy.DecisionBasis;
import com.marketplace.disputes.refund.ReturnAndRefundProcess;

/**
 * A process variable a notice may show, and how to write it; the last three are not variables
 * but what the dispute's conversation gives its notice. Facts without a value are left out of
 * the mail. Labels are {@code fact.<variable>} in the message bundle, codes
 * {@code code.<variable>.<VALUE>}.
 */
enum Fact {
  REASON(DisputeProcess.REASON, Kind.CODE),
  DESCRIPTION(DisputeProcess.DESCRIPTION, Kind.TEXT),
  REQUESTED_RESOLUTION(DisputeProcess.REQUESTED_RESOLUTION, Kind.CODE),
  REQUESTED_AMOUNT(DisputeProcess.REQUESTED_AMOUNT, Kind.AMOUNT),
  SELLER_RESPONSE(DisputeProcess.SELLER_RESPONSE, Kind.CODE),
  OFFER_RESOLUTION(DisputeProcess.OFFER_RESOLUTION, Kind.CODE),
  OFFER_AMOUNT(DisputeProcess.OFFER_AMOUNT, Kind.AMOUNT),
  SELLER_COMMENT(DisputeProcess.SELLER_COMMENT, Kind.TEXT),
  ESCALATION_REASON(DisputeProcess.ESCALATION_REASON, Kind.CODE),
  EVIDENCE_REQUEST(DisputeProcess.EVIDENCE_REQUEST, Kind.TEXT),
  PLATFORM_DECISION(DisputeProcess.PLATFORM_DECISION, Kind.CODE),
  DECISION_RATIONALE(DisputeProcess.DECISION_RATIONALE, Kind.TEXT),
  RESOLUTION(DisputeProcess.RESOLUTION, Kind.CODE),
  REFUND_AMOUNT(DisputeProcess.REFUND_AMOUNT, Kind.AMOUNT),
  REFUND_ID(ReturnAndRefundProcess.REFUND_ID, Kind.TEXT),
  REFUND_EXPECTED_BY(ReturnAndRefundProcess.REFUND_EXPECTED_BY, Kind.DATE),
  CLOSURE_REASON(DisputeProcess.CLOSURE_REASON, Kind.CODE),
  INELIGIBILITY_REASON(DisputeProcess.INELIGIBILITY_REASON, Kind.CODE),
  EVIDENCE_NOTE(DisputeProcess.EVIDENCE_NOTE, Kind.TEXT),
  RETURN_TRACKING_NUMBER(ReturnAndRefundProcess.RETURN_TRACKING_NUMBER, Kind.TEXT),
  BUYER_MESSAGE(SellerContactProcess.BUYER_MESSAGE, Kind.TEXT),
  SELLER_MESSAGE(SellerContactProcess.SELLER_MESSAGE, Kind.TEXT),
  APPEAL_STATEMENT(AppealProcess.APPEAL_STATEMENT, Kind.TEXT),
  APPEAL_DECISION(AppealProcess.APPEAL_DECISION, Kind.CODE),
  APPEAL_RATIONALE(AppealProcess.APPEAL_RATIONALE, Kind.TEXT),
  /** The policy rules the decision applied, as recorded with it: a list of catalogue ids. */
  DECISION_RULES(DecisionBasis.DECISION_RULES, Kind.RULES),
  MESSAGE_COUNT("messageCount", Kind.TEXT),
  MESSAGES("messages", Kind.TEXT),
  CONVERSATION_LINK("conversationLink", Kind.TEXT);

  enum Kind { TEXT, CODE, AMOUNT, DATE, RULES }

  final String variable;
  final Kind kind;

  Fact(String variable, Kind kind) {
    this.variable = variable;
    this.kind = kind;
  }
}
