package com.marketplace.disputes.identity;

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
 */
@Component
public class ReturnAccess {

  static final String RETURN_PROCESS = "returnAndRefund";

  private final DisputeAccess access;

  public ReturnAccess(DisputeAccess access) {
    this.access = access;
  }

  @EventListener
  public void onTaskEvent(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())
        && task.getProcessDefinitionId() != null
        && task.getProcessDefinitionId().startsWith(RETURN_PROCESS + ":")) {
      Object buyer = task.getVariable("buyerId");
      Object seller = task.getVariable("sellerId");
      access.grantParties(task.getProcessInstanceId(),
          buyer == null ? null : buyer.toString(), seller == null ? null : seller.toString());
    }
  }
}
