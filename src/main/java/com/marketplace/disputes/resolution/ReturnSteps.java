package com.marketplace.disputes.resolution;

import static com.marketplace.disputes.dispute.DisputeVariables.RETURN_TRACKING_NUMBER;

import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.dispute.DisputeVariables;
import com.marketplace.disputes.dispute.InvalidRequestException;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The steps of a return: shipped, received, taken as received, or lapsed. */
@Component("returnSteps")
public class ReturnSteps {

  private final DisputeRecords records;

  public ReturnSteps(DisputeRecords records) {
    this.records = records;
  }

  /** ShipReturn completes only with a tracking number. */
  public void shipped(DelegateTask task) {
    Object raw = task.getVariable(RETURN_TRACKING_NUMBER);
    String tracking = raw == null ? "" : raw.toString().trim();
    if (!tracking.matches("[A-Za-z0-9-]{6,40}")) {
      throw InvalidRequestException.of("Cannot complete " + task.getName(),
          RETURN_TRACKING_NUMBER, "is required: 6 to 40 letters, digits or dashes");
    }
    DisputeVariables vars = DisputeVariables.of(task);
    records.event(vars.disputeId(), vars.buyerId(), "BUYER", "RETURN_SHIPPED", tracking, null,
        null);
  }

  public void received(DelegateTask task) {
    DisputeVariables vars = DisputeVariables.of(task);
    records.event(vars.disputeId(), vars.sellerId(), "SELLER", "RETURN_RECEIVED", null, null, null);
  }

  /** The seller did not confirm in time: the return is taken as received. */
  public void takenAsReceived(DelegateExecution execution) {
    DisputeVariables vars = DisputeVariables.of(execution);
    records.event(vars.disputeId(), "system", "SYSTEM", "RETURN_TAKEN_AS_RECEIVED", null, null,
        null);
  }

  /** The buyer did not ship the return in time: the claim lapses and nothing is refunded. */
  public void lapsed(DelegateExecution execution) {
    DisputeVariables vars = DisputeVariables.of(execution);
    vars.settle("NONE", BigDecimal.ZERO);
    records.event(vars.disputeId(), "system", "SYSTEM", "CLAIM_LAPSED",
        "The return was not shipped in time", "NONE", BigDecimal.ZERO);
  }
}
