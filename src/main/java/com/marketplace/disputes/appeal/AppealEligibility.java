package com.marketplace.disputes.appeal;

import com.marketplace.disputes.config.DisputePolicy;
import com.marketplace.disputes.dispute.ClosureReason;
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

  public static final String NOT_A_PARTY = AppealRefusal.NOT_A_PARTY.name();
  public static final String DISPUTE_NOT_CLOSED = AppealRefusal.DISPUTE_NOT_CLOSED.name();
  public static final String NOT_APPEALABLE = AppealRefusal.NOT_APPEALABLE.name();
  public static final String ALREADY_APPEALED = AppealRefusal.ALREADY_APPEALED.name();
  public static final String APPEAL_WINDOW_EXPIRED = AppealRefusal.APPEAL_WINDOW_EXPIRED.name();

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
    if (!ClosureReason.appealable(dispute.closureReason())) {
      return NOT_APPEALABLE;
    }
    if (dispute.appealId() != null) {
      return ALREADY_APPEALED;
    }
    if (now.isAfter(windowEnds(dispute))) {
      return APPEAL_WINDOW_EXPIRED;
    }
    return null;
  }

  /**
   * Until when one of its parties may still appeal the dispute, or null when they may not (not
   * closed, not appealable, appealed already, or the window is over): the same checks as
   * {@link #refusal}, for a party's list of disputes.
   */
  public Instant appealableUntil(DisputeRecord dispute, Instant now) {
    if (refusal(Optional.of(dispute), dispute.buyerId(), now) != null) {
      return null;
    }
    return windowEnds(dispute);
  }

  private Instant windowEnds(DisputeRecord dispute) {
    return DisputePolicy.after(dispute.closedAt().toInstant(), policy.getAppealWindow());
  }
}
