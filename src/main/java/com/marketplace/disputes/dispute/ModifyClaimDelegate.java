package com.marketplace.disputes.dispute;

import com.marketplace.disputes.config.DisputePolicy;
import com.marketplace.disputes.kernel.LimitReachedException;
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
  private final DisputePolicy policy;

  public ModifyClaimDelegate(ClaimChanges claimChanges, DisputePolicy policy) {
    this.claimChanges = claimChanges;
    this.policy = policy;
  }

  /**
   * Each change gives the seller their full days again, so the number of changes is limited
   * ({@code disputes.policy.max-claim-changes}); one more is refused and changes nothing.
   */
  @Override
  public void execute(DelegateExecution execution) {
    Object revision = execution.getVariable(CLAIM_REVISION);
    int changes = revision == null ? 0 : ((Number) revision).intValue();
    if (changes >= policy.getMaxClaimChanges()) {
      throw new LimitReachedException("Claim not changed", "claim",
          "has been changed " + changes + " times, the most the policy allows; answer the "
              + "seller's response, write to the seller or escalate instead",
          "disputes.policy.max-claim-changes");
    }
    claimChanges.apply(execution, EventKind.CLAIM_MODIFIED);
    execution.setVariable(CLAIM_REVISION, changes + 1);
  }
}
