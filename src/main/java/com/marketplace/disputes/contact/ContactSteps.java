package com.marketplace.disputes.contact;

import static com.marketplace.disputes.dispute.DisputeVariables.CONTACT_ID;
import static com.marketplace.disputes.dispute.DisputeVariables.CONTACT_OUTCOME;
import static com.marketplace.disputes.dispute.DisputeVariables.SELLER_MESSAGE;
import static com.marketplace.disputes.dispute.DisputeVariables.SELLER_REPLIED;

import com.marketplace.disputes.dispute.Claim;
import com.marketplace.disputes.dispute.DisputeVariables;
import com.marketplace.disputes.dispute.InvalidRequestException;
import com.marketplace.disputes.dispute.InvalidRequestException.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The steps of a seller contact, each called from the model as {@code ${contactSteps.…}}: whose
 * move it is, the seller's reply or silence, and the endings without a dispute.
 */
@Component("contactSteps")
public class ContactSteps {

  private final ContactRecords contacts;

  public ContactSteps(ContactRecords contacts) {
    this.contacts = contacts;
  }

  /** A task opened (after its due date was set): the contact shows whose move it is. */
  public void taskOpened(DelegateTask task) {
    String contactId = DisputeVariables.of(task).string(CONTACT_ID);
    boolean seller = "ReplyToBuyer".equals(task.getTaskDefinitionKey());
    contacts.awaiting(contactId,
        seller ? ContactRecords.AWAITING_SELLER : ContactRecords.AWAITING_BUYER,
        seller ? "SELLER" : "BUYER",
        task.getDueDate() == null ? null : task.getDueDate().toInstant());
  }

  /** ReplyToBuyer completes only with the seller's message, which joins the conversation. */
  public void sellerReplied(DelegateTask task) {
    DisputeVariables vars = DisputeVariables.of(task);
    String message = Claim.text(task.getVariable(SELLER_MESSAGE));
    List<FieldError> errors = new ArrayList<>();
    RegisterContactDelegate.checkMessage(SELLER_MESSAGE, message, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException("Cannot complete " + task.getName(), errors);
    }
    task.setVariable(SELLER_MESSAGE, message);
    task.setVariable(SELLER_REPLIED, true);
    contacts.addMessage(vars.string(CONTACT_ID), vars.sellerId(), "SELLER", message);
  }

  /** The reply deadline passed: noted, so a dispute opened later shows the seller's silence. */
  public void sellerSilent(DelegateExecution execution) {
    DisputeVariables vars = DisputeVariables.of(execution);
    vars.set(SELLER_REPLIED, false);
    contacts.sellerSilent(vars.string(CONTACT_ID));
  }

  /** The buyer says the seller's answer settled it. */
  public void resolved(DelegateExecution execution) {
    close(execution, ContactRecords.RESOLVED);
  }

  /** Not settled, but the buyer does not open a dispute (now). */
  public void unresolved(DelegateExecution execution) {
    close(execution, ContactRecords.UNRESOLVED);
  }

  /** The buyer neither confirmed nor opened a dispute in time. */
  public void buyerSilent(DelegateExecution execution) {
    close(execution, ContactRecords.BUYER_SILENT);
  }

  private void close(DelegateExecution execution, String outcome) {
    DisputeVariables vars = DisputeVariables.of(execution);
    vars.set(CONTACT_OUTCOME, outcome);
    contacts.close(vars.string(CONTACT_ID), outcome, null);
  }
}
