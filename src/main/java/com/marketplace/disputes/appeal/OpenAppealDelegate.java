package com.marketplace.disputes.appeal;

import static com.marketplace.disputes.dispute.DisputeVariables.APPEAL_ID;
import static com.marketplace.disputes.dispute.DisputeVariables.APPEAL_STATEMENT;
import static com.marketplace.disputes.dispute.DisputeVariables.APPELLANT_ID;

import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.dispute.DisputeVariables;
import com.marketplace.disputes.evidence.EvidenceAttachments;
import com.marketplace.disputes.identity.DisputeAccess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens an accepted appeal: the dispute's record and timeline show it, both parties of the
 * dispute may read the ticket (the other party is told of it too), and the files the appellant
 * submitted with it (evidenceIds) are attached to the dispute.
 */
@Component
public class OpenAppealDelegate implements JavaDelegate {

  private final DisputeRecords disputes;
  private final DisputeAccess access;
  private final EvidenceAttachments attachments;

  public OpenAppealDelegate(DisputeRecords disputes, DisputeAccess access,
      EvidenceAttachments attachments) {
    this.disputes = disputes;
    this.access = access;
    this.attachments = attachments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DisputeVariables vars = DisputeVariables.of(execution);
    String appellant = vars.string(APPELLANT_ID);
    disputes.appealed(vars.disputeId(), vars.string(APPEAL_ID));
    access.grantParties(execution.getProcessInstanceId(), vars.buyerId(), vars.sellerId());
    disputes.event(vars.disputeId(), appellant,
        appellant.equals(vars.buyerId()) ? "BUYER" : "SELLER", "APPEAL_FILED",
        vars.string(APPEAL_ID) + ": " + vars.string(APPEAL_STATEMENT), null, null);
    // The appellant's uploads join the dispute's case file through the evidence store, with its
    // checks, only once the appeal is accepted; a refused appeal attaches nothing.
    attachments.attachSubmitted(execution);
  }
}
