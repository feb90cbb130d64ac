package com.marketplace.disputes.contact;

import static com.marketplace.disputes.contact.SellerContactProcess.MESSAGE_POSTED;
import static com.marketplace.disputes.contact.SellerContactProcess.POSTED_BY;
import static com.marketplace.disputes.contact.SellerContactProcess.POSTED_MESSAGE;
import com.marketplace.disputes.contact.ContactRecords.ContactMessage;
import com.marketplace.disputes.contact.ContactRecords.ContactRecord;
import com.marketplace.disputes.kernel.ApiProblems;
import com.marketplace.disputes.kernel.ApiProblems.NotAllowed;
import com.marketplace.disputes.kernel.ApiProblems.NotVisible;
import com.marketplace.disputes.kernel.EngineCalls;
import com.marketplace.disputes.kernel.InvalidRequestException;
import com.marketplace.disputes.kernel.InvalidRequestException.FieldError;
import com.marketplace.disputes.kernel.Party;
import com.marketplace.disputes.kernel.Requester;
import com.marketplace.disputes.kernel.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The parties' view of their seller contacts: the conversation, and a way for buyer and seller to
 * add to it while the contact is open. A message is a ContactMessagePosted message to the contact
 * instance; once the contact has ended it no longer applies and the answer says so (409).
 */
@RestController
@RequestMapping("/api/contacts")
public class ContactController {

  private final ContactRecords contacts;
  private final IdentityService identityService;
  private final EngineCalls engineCalls;

  public ContactController(ContactRecords contacts, IdentityService identityService,
      EngineCalls engineCalls) {
    this.contacts = contacts;
    this.identityService = identityService;
    this.engineCalls = engineCalls;
  }

  /** The caller's own contacts, as buyer or seller, newest first. */
  @GetMapping
  public List<ContactRecord> mine() {
    return contacts.findByParty(user().getUserId(), 100);
  }

  /** One contact with its whole conversation, oldest message first. */
  @GetMapping("/{contactId}")
  public Map<String, Object> show(@PathVariable String contactId) {
    ContactRecord contact = visible(contactId);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("contact", contact);
    body.put("messages", contacts.messages(contactId));
    return body;
  }

  /** Adds the caller's message ({@code {"message": "…"}}) to the conversation. */
  @PostMapping("/{contactId}/messages")
  @ResponseStatus(HttpStatus.CREATED)
  public ContactMessage post(@PathVariable String contactId,
      @RequestBody Map<String, Object> request) {
    ContactRecord contact = visible(contactId);
    String author = user().getUserId();
    if (Party.of(author, contact.buyerId(), contact.sellerId()) == null) {
      throw new NotAllowed("Only the buyer and the seller write in a contact.");
    }
    String message = Text.trimmed(request.get("message"));
    List<FieldError> errors = new ArrayList<>();
    RegisterContactDelegate.checkMessage("message", message, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException("Cannot post the message", errors);
    }
    // The party check was done here; the contact instance takes the message from the service.
    engineCalls.correlateAsService(MESSAGE_POSTED, contactId, Variables.createVariables()
        .putValueTyped(POSTED_BY, Variables.stringValue(author, true))
        .putValueTyped(POSTED_MESSAGE, Variables.stringValue(message, true)));
    List<ContactMessage> mine = contacts.messages(contactId).stream()
        .filter(posted -> posted.authorId().equals(author)).toList();
    return mine.get(mine.size() - 1);
  }

  @ExceptionHandler(MismatchingMessageCorrelationException.class)
  ProblemDetail noLongerOpen(MismatchingMessageCorrelationException e) {
    return ApiProblems.conflict("Contact closed",
        "The contact has ended; messages can be added only while it is open.");
  }

  /** A party or staff sees the contact; anyone else is told it does not exist. */
  private ContactRecord visible(String contactId) {
    Authentication user = user();
    ContactRecord contact = contacts.find(contactId)
        .orElseThrow(() -> new NotVisible("contact", contactId));
    if (!Requester.isPartyOrStaff(user, contact.buyerId(), contact.sellerId())) {
      throw new NotVisible("contact", contactId);
    }
    return contact;
  }

  private Authentication user() {
    return ApiProblems.caller(identityService);
  }
}
