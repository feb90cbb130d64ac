package com.marketplace.disputes.contact;

import static com.marketplace.disputes.contact.SellerContactProcess.CONTACT_OUTCOME;
import static com.marketplace.disputes.contact.SellerContactProcess.SELLER_MESSAGE;
import static com.marketplace.disputes.contact.SellerContactProcess.SELLER_REPLIED;

import com.marketplace.disputes.dispute.DisputeFacts;
import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.kernel.InvalidRequestException;
import com.marketplace.disputes.kernel.InvalidRequestException.FieldError;
import com.marketplace.disputes.kernel.Party;
import com.marketplace.disputes.kernel.ProcessVariables;
import com.marketplace.disputes.kernel.Text;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The steps of a seller contact, each called from the model as {@code ${contactSteps.…}}: whose
 * move it is, the seller's reply or silence, and the endings without a dispute. The contact and
 * its parties are the rows of the instance's business key.
 */
@Component("contactSteps")
public class ContactSteps {

  private final ContactRecords contacts;
  private final DisputeFacts facts;

  public ContactSteps(ContactRecords contacts, DisputeFacts facts) {
    this.contacts = contacts;
    this.facts = facts;
  }

  /** A task opened (after its due date was set): the contact shows whose move it is. */
  public void taskOpened(DelegateTask task) {
    String contactId = facts.of(task).contactId();
    boolean seller = SellerContactProcess.REPLY_TO_BUYER.equals(task.getTaskDefinitionKey());
    contacts.awaiting(contactId,
        seller ? ContactStatus.AWAITING_SELLER : ContactStatus.AWAITING_BUYER,
        (seller ? Party.SELLER : Party.BUYER).name(),
        task.getDueDate() == null ? null : task.getDueDate().toInstant());
  }

  /** ReplyToBuyer completes only with the seller's message, which joins the conversation. */
  public void sellerReplied(DelegateTask task) {
    Case contact = facts.of(task);
    String message = Text.trimmed(task.getVariable(SELLER_MESSAGE));
    List<FieldError> errors = new ArrayList<>();
    RegisterContactDelegate.checkMessage(SELLER_MESSAGE, message, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException("Cannot complete " + task.getName(), errors);
    }
    task.setVariable(SELLER_MESSAGE, message);
    task.setVariable(SELLER_REPLIED, true);
    contacts.addMessage(contact.contactId(), contact.sellerId(), Party.SELLER, message);
  }

  /** The reply deadline passed: noted, so a dispute opened later shows the seller's silence. */
  public void sellerSilent(DelegateExecution execution) {
    ProcessVariables.of(execution).set(SELLER_REPLIED, false);
    contacts.sellerSilent(facts.of(execution).contactId());
  }

  /** The buyer says the seller's answer settled it. */
  public void resolved(DelegateExecution execution) {
    close(execution, ContactStatus.RESOLVED);
  }

  /** Not settled, but the buyer does not open a dispute (now). */
  public void unresolved(DelegateExecution execution) {
    close(execution, ContactStatus.UNRESOLVED);
  }

  /** The buyer neither confirmed nor opened a dispute in time. */
  public void buyerSilent(DelegateExecution execution) {
    close(execution, ContactStatus.BUYER_SILENT);
  }

  private void close(DelegateExecution execution, ContactStatus outcome) {
    ProcessVariables.of(execution).set(CONTACT_OUTCOME, outcome.name());
    contacts.close(facts.of(execution).contactId(), outcome, null);
  }
}
