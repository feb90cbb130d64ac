package com.marketplace.disputes.identity;

import com.marketplace.disputes.dispute.DisputeFacts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Lets a dispute's buyer and seller read the returnAndRefund instance the dispute calls, as they
 * read the dispute itself: without it Tasklist shows their return tasks without the dispute's
 * columns (dispute, order, amount), which it reads from the instance's variables.
 *
 * <p>Declared on the create event of each party task of returnAndRefund
 * ({@code ${returnAccess}}); granting again for the second task changes nothing. The parties are
 * the dispute's, as its row records them (the instance's business key is the dispute id).
 */
@Component("returnAccess")
public class ReturnAccess implements TaskListener {

  private final DisputeAccess access;
  private final DisputeFacts facts;

  public ReturnAccess(DisputeAccess access, DisputeFacts facts) {
    this.access = access;
    this.facts = facts;
  }

  @Override
  public void notify(DelegateTask task) {
    DisputeFacts.Case dispute = facts.of(task);
    access.grantParties(task.getProcessInstanceId(), dispute.buyerId(), dispute.sellerId());
  }
}
