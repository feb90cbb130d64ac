package com.marketplace.disputes.evidence;

import com.marketplace.disputes.dispute.DisputeFacts;
import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.kernel.InvalidRequestException;
import com.marketplace.disputes.kernel.Requester;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Attaches the uploads a form submitted (variable {@code evidenceIds}, best sent transient) to
 * the dispute, inside the engine command that starts the dispute or completes the task: if the
 * step fails, nothing is attached, and if attaching is refused, the step fails with 400.
 *
 * <p>Each step whose form takes uploads declares it ({@code ${evidenceAttachments}}): a task on
 * {@code complete}, the dispute's start form on the end of the step that gives the dispute its id
 * ({@code RegisterDispute}). A step that does not declare it attaches nothing; the models' test
 * checks that every dispute step whose form takes {@code evidenceIds} declares it. A delegate may
 * also call {@link #attachSubmitted} itself (an accepted appeal does).
 */
@Component("evidenceAttachments")
public class EvidenceAttachments implements TaskListener, ExecutionListener {

  /** The submitted upload ids, comma-separated: a reference, never the bytes. */
  public static final String EVIDENCE_IDS = "evidenceIds";

  private final EvidenceService evidence;
  private final Requester requester;
  private final DisputeFacts facts;

  public EvidenceAttachments(EvidenceService evidence, Requester requester, DisputeFacts facts) {
    this.evidence = evidence;
    this.requester = requester;
    this.facts = facts;
  }

  /** A task whose form took uploads completes. */
  @Override
  public void notify(DelegateTask task) {
    attachSubmitted(task);
  }

  /** The step that gave a started dispute its id ends: its start form's uploads. */
  @Override
  public void notify(DelegateExecution execution) {
    attachSubmitted(execution);
  }

  /**
   * Attaches the uploads named in {@code evidenceIds} to the scope's dispute (the one its
   * instance's business key records), then forgets them.
   */
  public void attachSubmitted(VariableScope scope) {
    Object ids = scope.getVariable(EVIDENCE_IDS);
    if (ids == null || ids.toString().isBlank()) {
      return;
    }
    Case owner = facts.find(scope).orElse(null);
    String disputeId = owner == null ? null : owner.disputeId();
    if (owner != null && owner.contactId() != null) {
      // A contact's step opening a dispute: the dispute it starts attaches them.
      return;
    }
    if (disputeId == null) {
      throw InvalidRequestException.of("Cannot attach evidence", EVIDENCE_IDS,
          "is accepted only in the steps of a dispute");
    }
    evidence.attach(disputeId, ids.toString(), requester.userId());
    scope.removeVariable(EVIDENCE_IDS);
  }
}
