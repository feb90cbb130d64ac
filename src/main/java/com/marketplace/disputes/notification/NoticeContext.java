package com.marketplace.disputes.notification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * What one notice is about, gathered once per send task and shared by all its recipients.
 *
 * @param businessKey the process instance's business key (dispute, contact or appeal id)
 * @param disputeId the dispute the notice is about; null before there is one (seller contact)
 * @param facts the notice's facts that have a value, in display order
 * @param deadline when the move the notice announces is due; null when nobody has to act
 * @param taskId the open task of that move, when it exists already
 * @param closedAt when the dispute was closed, for the appeal window; null while open
 */
record NoticeContext(
    Notice notice,
    String businessKey,
    String disputeId,
    String processInstanceId,
    String orderId,
    String orderTitle,
    BigDecimal orderAmount,
    String currency,
    String buyerId,
    String sellerId,
    Map<Fact, Object> facts,
    Instant deadline,
    String taskId,
    Instant closedAt,
    Instant now) {

  /** The id the parties know this case by: the dispute id where there is one. */
  String reference() {
    return disputeId != null ? disputeId : businessKey;
  }
}
