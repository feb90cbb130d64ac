package com.marketplace.disputes.evidence;

import com.marketplace.disputes.dispute.DisputeFacts;
import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.dispute.DisputeProcess;
import com.marketplace.disputes.kernel.InvalidRequestException;
import com.marketplace.disputes.kernel.Requester;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Attaches the uploads a form submitted (variable {@code evidenceIds}, best sent transient) to
 * the dispute, inside the engine command that starts the dispute or completes the task: if the
 * step fails, nothing is attached, and if attaching is refused, the step fails with 400.
 *
 * <p>Hooked in through the Spring Boot starter's event bridge, so the models need no listener of
 * ours: a dispute's start form is attached once {@code RegisterDispute} has given the dispute its
 * id, a task form when its task completes. Other processes may call {@link #attachSubmitted}
 * from a listener of their own ({@code ${evidenceAttachments.attachSubmitted(execution)}}).
 */
@Component("evidenceAttachments")
public class EvidenceAttachments {

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

  @EventListener
  public void onActivityEvent(DelegateExecution execution) {
    if ("end".equals(execution.getEventName())
        && DisputeProcess.REGISTER_DISPUTE.equals(execution.getCurrentActivityId())
        && execution.getProcessDefinitionId().startsWith(DisputeProcess.KEY + ":")) {
      attachSubmitted(execution);
    }
  }

  @EventListener
  public void onTaskEvent(DelegateTask task) {
    if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
      attachSubmitted(task);
    }
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
