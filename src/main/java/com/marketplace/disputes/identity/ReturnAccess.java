package com.marketplace.disputes.identity;

import com.marketplace.disputes.dispute.DisputeFacts;
import com.marketplace.disputes.refund.ReturnAndRefundProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lets a dispute's buyer and seller read the returnAndRefund instance the dispute calls, as they
 * read the dispute itself: without it Tasklist shows their return tasks without the dispute's
 * columns (dispute, order, amount), which it reads from the instance's variables.
 *
 * <p>Granted when the instance's first task opens, through the Spring Boot starter's event
 * bridge (the model needs no listener); granting again for the second task changes nothing.
 * The parties are the dispute's, as its row records them (the instance's business key is the
 * dispute id).
 */
@Component
public class ReturnAccess {


  private final DisputeAccess access;
  private final DisputeFacts facts;

  public ReturnAccess(DisputeAccess access, DisputeFacts facts) {
    this.access = access;
    this.facts = facts;
  }

  @EventListener
  public void onTaskEvent(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())
        && task.getProcessDefinitionId() != null
        && task.getProcessDefinitionId().startsWith(ReturnAndRefundProcess.KEY + ":")) {
      DisputeFacts.Case dispute = facts.of(task);
      access.grantParties(task.getProcessInstanceId(), dispute.buyerId(), dispute.sellerId());
    }
  }
}
