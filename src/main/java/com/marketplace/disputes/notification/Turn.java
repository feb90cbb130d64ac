package com.marketplace.disputes.notification;

import com.marketplace.disputes.appeal.AppealProcess;
import com.marketplace.disputes.config.DisputePolicy;
import com.marketplace.disputes.contact.SellerContactProcess;
import com.marketplace.disputes.dispute.DisputeProcess;
import com.marketplace.disputes.refund.ReturnAndRefundProcess;
import java.util.function.Function;

/**
 * Whose move a notice announces: the user task that follows, the boundary timer that ends it and
 * the policy duration behind that timer. The deadline a notice names comes from here.
 */
enum Turn {
  SELLER_RESPONSE(DisputeProcess.RESPOND_TO_DISPUTE, DisputeProcess.SELLER_RESPONSE_DEADLINE,
      DisputePolicy::getSellerResponseDeadline, RecipientRole.SELLER),
  BUYER_REVIEW(DisputeProcess.REVIEW_SELLER_RESPONSE, DisputeProcess.BUYER_RESPONSE_DEADLINE,
      DisputePolicy::getBuyerResponseDeadline, RecipientRole.BUYER),
  EVIDENCE(DisputeProcess.PROVIDE_EVIDENCE, DisputeProcess.EVIDENCE_DEADLINE,
      DisputePolicy::getEvidenceDeadline, RecipientRole.EVIDENCE_PARTY),
  RETURN_SHIPMENT(ReturnAndRefundProcess.SHIP_RETURN,
      ReturnAndRefundProcess.RETURN_SHIPMENT_DEADLINE, DisputePolicy::getReturnShipmentDeadline,
      RecipientRole.BUYER),
  RETURN_RECEIPT(ReturnAndRefundProcess.CONFIRM_RETURN_RECEIVED,
      ReturnAndRefundProcess.RETURN_RECEIPT_DEADLINE, DisputePolicy::getReturnReceiptDeadline,
      RecipientRole.SELLER),
  SELLER_REPLY(SellerContactProcess.REPLY_TO_BUYER, SellerContactProcess.SELLER_REPLY_DEADLINE,
      DisputePolicy::getSellerReplyDeadline, RecipientRole.SELLER),
  ISSUE_CONFIRMATION(SellerContactProcess.CONFIRM_ISSUE_RESOLVED, null, null, RecipientRole.BUYER),
  PLATFORM_DECISION(DisputeProcess.DECIDE_DISPUTE, null, DisputePolicy::getMediationSla,
      RecipientRole.SENIOR_MEDIATORS),
  APPEAL_REVIEW(AppealProcess.REVIEW_APPEAL, null, DisputePolicy::getAppealReviewSla,
      RecipientRole.SENIOR_MEDIATORS);

  final String taskKey;
  /** Interrupting timer on the task whose due date is the deadline; null when there is none. */
  final String deadlineTimerId;
  /** How long the task may take by policy; null when the policy sets no limit. */
  final Function<DisputePolicy, String> duration;
  /** Who has to act; only these recipients get a link to the task. */
  final RecipientRole actor;

  Turn(String taskKey, String deadlineTimerId, Function<DisputePolicy, String> duration,
      RecipientRole actor) {
    this.taskKey = taskKey;
    this.deadlineTimerId = deadlineTimerId;
    this.duration = duration;
    this.actor = actor;
  }
}
