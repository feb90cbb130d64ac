package com.marketplace.disputes.appeal;

import com.marketplace.disputes.config.DisputePolicy;
import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * May this person appeal this dispute now? The contract's refusals, checked in this order:
 * a stranger learns nothing about the dispute (an unknown dispute is refused the same way), and
 * a party learns first what can never change (not closed yet, not appealable, appealed already)
 * before the window.
 */
@Component
public class AppealEligibility {

  public static final String NOT_A_PARTY = "NOT_A_PARTY";
  public static final String DISPUTE_NOT_CLOSED = "DISPUTE_NOT_CLOSED";
  public static final String NOT_APPEALABLE = "NOT_APPEALABLE";
  public static final String ALREADY_APPEALED = "ALREADY_APPEALED";
  public static final String APPEAL_WINDOW_EXPIRED = "APPEAL_WINDOW_EXPIRED";

  private final DisputePolicy policy;

  public AppealEligibility(DisputePolicy policy) {
    this.policy = policy;
  }

  /** The contract's appealRejectedReason, or null when the appeal may go ahead. */
  public String refusal(Optional<DisputeRecord> found, String appellantId, Instant now) {
    if (found.isEmpty()) {
      return NOT_A_PARTY;
    }
    DisputeRecord dispute = found.get();
    if (!appellantId.equals(dispute.buyerId()) && !appellantId.equals(dispute.sellerId())) {
      return NOT_A_PARTY;
    }
    if (dispute.closedAt() == null) {
      return DISPUTE_NOT_CLOSED;
    }
    if ("INELIGIBLE".equals(dispute.closureReason())
        || "CANCELLED_BY_BUYER".equals(dispute.closureReason())) {
      return NOT_APPEALABLE;
    }
    if (dispute.appealId() != null) {
      return ALREADY_APPEALED;
    }
    Instant windowEnds = DisputePolicy.after(dispute.closedAt().toInstant(), policy.getAppealWindow());
    if (now.isAfter(windowEnds)) {
      return APPEAL_WINDOW_EXPIRED;
    }
    return null;
  }
}
