package com.marketplace.disputes.refund;

import static com.marketplace.disputes.refund.ReturnAndRefundProcess.RETURN_TRACKING_NUMBER;

import com.marketplace.disputes.dispute.DisputeFacts;
import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.kernel.InvalidRequestException;
import com.marketplace.disputes.timeline.ActorRole;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The steps of a return: shipped, received, taken as received, or lapsed. The dispute and its
 * parties are the records of the instance's business key, the dispute id.
 */
@Component("returnSteps")
public class ReturnSteps {

  private final DisputeFacts facts;
  private final Timeline timeline;

  public ReturnSteps(DisputeFacts facts, Timeline timeline) {
    this.facts = facts;
    this.timeline = timeline;
  }

  /** ShipReturn completes only with a tracking number. */
  public void shipped(DelegateTask task) {
    Object raw = task.getVariable(RETURN_TRACKING_NUMBER);
    String tracking = raw == null ? "" : raw.toString().trim();
    if (!tracking.matches("[A-Za-z0-9-]{6,40}")) {
      throw InvalidRequestException.of("Cannot complete " + task.getName(),
          RETURN_TRACKING_NUMBER, "is required: 6 to 40 letters, digits or dashes");
    }
    Case dispute = facts.of(task);
    timeline.record(TimelineEvent.by(dispute.disputeId(), dispute.buyerId(), ActorRole.BUYER,
        EventKind.RETURN_SHIPPED).detail(tracking));
  }

  public void received(DelegateTask task) {
    Case dispute = facts.of(task);
    timeline.record(TimelineEvent.by(dispute.disputeId(), dispute.sellerId(), ActorRole.SELLER,
        EventKind.RETURN_RECEIVED));
  }

  /** The seller did not confirm in time: the return is taken as received. */
  public void takenAsReceived(DelegateExecution execution) {
    timeline.record(TimelineEvent.system(facts.of(execution).disputeId(),
        EventKind.RETURN_TAKEN_AS_RECEIVED));
  }

  /**
   * The buyer did not ship the return in time: the claim lapses and nothing is refunded; the
   * dispute's record says so (an appeal's close puts the earlier outcome back).
   */
  public void lapsed(DelegateExecution execution) {
    String disputeId = facts.of(execution).disputeId();
    facts.settle(execution, disputeId, "NONE", BigDecimal.ZERO);
    timeline.record(TimelineEvent.system(disputeId, EventKind.CLAIM_LAPSED)
        .detail("The return was not shipped in time").naming("NONE", BigDecimal.ZERO));
  }
}
