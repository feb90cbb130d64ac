package com.marketplace.disputes.contact;

import static com.marketplace.disputes.contact.SellerContactProcess.POSTED_BY;
import static com.marketplace.disputes.contact.SellerContactProcess.POSTED_MESSAGE;

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
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A ContactMessagePosted message: buyer or seller adds to the conversation while the contact is
 * open. Author and text arrive as transient variables ({@code postedBy}, {@code postedMessage}),
 * so the conversation lives in its table and never piles up in the instance.
 */
@Component
public class RecordContactMessageDelegate implements JavaDelegate {

  private final ContactRecords contacts;
  private final DisputeFacts facts;

  public RecordContactMessageDelegate(ContactRecords contacts, DisputeFacts facts) {
    this.contacts = contacts;
    this.facts = facts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables vars = ProcessVariables.of(execution);
    Case contact = facts.of(execution);
    String author = Text.trimmed(vars.string(POSTED_BY));
    String message = Text.trimmed(vars.string(POSTED_MESSAGE));
    List<FieldError> errors = new ArrayList<>();
    Party role = contact.roleOf(author);
    if (role == null) {
      errors.add(new FieldError(POSTED_BY, "must be the buyer or the seller of the contact"));
    }
    RegisterContactDelegate.checkMessage(POSTED_MESSAGE, message, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException("Cannot post the message", errors);
    }
    contacts.addMessage(contact.contactId(), author, role, message);
  }
}
