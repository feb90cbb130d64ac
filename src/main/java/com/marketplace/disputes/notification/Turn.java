package com.marketplace.disputes.notification;

import com.marketplace.disputes.config.DisputePolicy;
import java.util.function.Function;

/**
 * Whose move a notice announces: the user task that follows, the boundary timer that ends it and
 * the policy duration behind that timer. The deadline a notice names comes from here.
 */
enum Turn {
  SELLER_RESPONSE("RespondToDispute", "SellerResponseDeadline",
      DisputePolicy::getSellerResponseDeadline, RecipientRole.SELLER),
  BUYER_REVIEW("ReviewSellerResponse", "BuyerResponseDeadline",
      DisputePolicy::getBuyerResponseDeadline, RecipientRole.BUYER),
  EVIDENCE("ProvideEvidence", "EvidenceDeadline",
      DisputePolicy::getEvidenceDeadline, RecipientRole.EVIDENCE_PARTY),
  RETURN_SHIPMENT("ShipReturn", "ReturnShipmentDeadline",
      DisputePolicy::getReturnShipmentDeadline, RecipientRole.BUYER),
  SELLER_REPLY("ReplyToBuyer", "SellerReplyDeadline",
      DisputePolicy::getSellerReplyDeadline, RecipientRole.SELLER),
  ISSUE_CONFIRMATION("ConfirmIssueResolved", null, null, RecipientRole.BUYER),
  PLATFORM_DECISION("DecideDispute", null, DisputePolicy::getMediationSla,
      RecipientRole.SENIOR_MEDIATORS),
  APPEAL_REVIEW("ReviewAppeal", null, DisputePolicy::getAppealReviewSla,
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
