package com.marketplace.disputes.resolution;

import static com.marketplace.disputes.resolution.ReturnAndRefundProcess.RETURN_TRACKING_NUMBER;

import com.marketplace.disputes.dispute.DisputeFacts;
import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.kernel.InvalidRequestException;
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

  private final DisputeRecords records;
  private final DisputeFacts facts;

  public ReturnSteps(DisputeRecords records, DisputeFacts facts) {
    this.records = records;
    this.facts = facts;
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
    records.event(dispute.disputeId(), dispute.buyerId(), "BUYER", "RETURN_SHIPPED", tracking,
        null, null);
  }

  public void received(DelegateTask task) {
    Case dispute = facts.of(task);
    records.event(dispute.disputeId(), dispute.sellerId(), "SELLER", "RETURN_RECEIVED", null, null,
        null);
  }

  /** The seller did not confirm in time: the return is taken as received. */
  public void takenAsReceived(DelegateExecution execution) {
    records.event(facts.of(execution).disputeId(), "system", "SYSTEM",
        "RETURN_TAKEN_AS_RECEIVED", null, null, null);
  }

  /**
   * The buyer did not ship the return in time: the claim lapses and nothing is refunded; the
   * dispute's record says so (an appeal's close puts the earlier outcome back).
   */
  public void lapsed(DelegateExecution execution) {
    String disputeId = facts.of(execution).disputeId();
    facts.settle(execution, disputeId, "NONE", BigDecimal.ZERO);
    records.event(disputeId, "system", "SYSTEM", "CLAIM_LAPSED",
        "The return was not shipped in time", "NONE", BigDecimal.ZERO);
  }
}
