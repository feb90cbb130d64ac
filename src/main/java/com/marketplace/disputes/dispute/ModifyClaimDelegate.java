package com.marketplace.disputes.dispute;

import com.marketplace.disputes.timeline.EventKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The buyer changed the claim (DisputeModified): the claim is updated and its revision counted in
 * {@code claimRevision}. If the seller is still to respond, the model restarts the seller's clock:
 * the task's conditional boundary event {@code ClaimChangedForSeller} fires on the new revision
 * and opens the task again, so its reminder and deadline are created from the model, from now,
 * and its due date follows (even when the first reminder has already fired).
 */
@Component
public class ModifyClaimDelegate implements JavaDelegate {

  /**
   * How many times the buyer changed the claim by message; the seller's task notes the revision
   * it answers ({@code answersClaimRevision}).
   */
  static final String CLAIM_REVISION = "claimRevision";

  private final ClaimChanges claimChanges;

  public ModifyClaimDelegate(ClaimChanges claimChanges) {
    this.claimChanges = claimChanges;
  }

  @Override
  public void execute(DelegateExecution execution) {
    claimChanges.apply(execution, EventKind.CLAIM_MODIFIED);
    Object revision = execution.getVariable(CLAIM_REVISION);
    execution.setVariable(CLAIM_REVISION, revision == null ? 1 : ((Number) revision).intValue() + 1);
  }
}
