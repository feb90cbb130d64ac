package com.marketplace.disputes.contact;

import static com.marketplace.disputes.contact.SellerContactProcess.CONTACT_ID;
import static com.marketplace.disputes.contact.SellerContactProcess.CONTACT_OUTCOME;
import static com.marketplace.disputes.contact.SellerContactProcess.DISPUTE_ELIGIBLE;
import static com.marketplace.disputes.dispute.DisputeProcess.BUYER_ID;
import static com.marketplace.disputes.dispute.DisputeProcess.DESCRIPTION;
import static com.marketplace.disputes.dispute.DisputeProcess.DISPUTE_ID;
import static com.marketplace.disputes.dispute.DisputeProcess.ELIGIBLE;
import static com.marketplace.disputes.dispute.DisputeProcess.INELIGIBILITY_REASON;
import static com.marketplace.disputes.dispute.DisputeProcess.ITEM_RECEIVED;
import static com.marketplace.disputes.dispute.DisputeProcess.ORDER_ID;
import static com.marketplace.disputes.dispute.DisputeProcess.PROBLEM_DETAIL;
import static com.marketplace.disputes.dispute.DisputeProcess.REASON;
import static com.marketplace.disputes.dispute.DisputeProcess.REQUESTED_AMOUNT;
import static com.marketplace.disputes.dispute.DisputeProcess.REQUESTED_RESOLUTION;

import com.marketplace.disputes.contact.ContactRecords.ContactMessage;
import com.marketplace.disputes.contact.ContactRecords.ContactRecord;
import com.marketplace.disputes.dispute.DisputeFacts;
import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.dispute.DisputeProcess;
import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.evidence.EvidenceAttachments;
import com.marketplace.disputes.kernel.ProcessVariables;
import com.marketplace.disputes.timeline.ActorRole;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The buyer opens a dispute from the contact: starts disputeMediation for the same order with the
 * buyer's claim, in this transaction, so the contact learns at once whether the dispute opened or
 * what made it ineligible. An opened dispute gets the conversation in its timeline (entries
 * PRIOR_CONTACT, at the time each message was written) as evidence of the seller's prior
 * responses, or of their absence. Uploads the buyer submitted with the claim ({@code evidenceIds})
 * go to the dispute's start, which attaches them.
 */
@Component
public class OpenDisputeFromContactDelegate implements JavaDelegate {

    private static final List<String> CLAIM_FIELDS = List.of(REASON, ITEM_RECEIVED, PROBLEM_DETAIL,
      DESCRIPTION, REQUESTED_RESOLUTION, REQUESTED_AMOUNT);

  private final RuntimeService runtimeService;
  private final ContactRecords contacts;
  private final DisputeRecords disputes;
  private final DisputeFacts facts;
  private final Timeline timeline;

  public OpenDisputeFromContactDelegate(RuntimeService runtimeService, ContactRecords contacts,
      DisputeRecords disputes, DisputeFacts facts, Timeline timeline) {
    this.runtimeService = runtimeService;
    this.contacts = contacts;
    this.disputes = disputes;
    this.facts = facts;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables vars = ProcessVariables.of(execution);
    Case contact = facts.of(execution);
    String contactId = contact.contactId();
    Map<String, Object> request = new HashMap<>();
    request.put(ORDER_ID, contact.orderId());
    request.put(BUYER_ID, contact.buyerId());
    request.put(CONTACT_ID, contactId);
    for (String field : CLAIM_FIELDS) {
      request.put(field, execution.getVariable(field));
    }
    Object evidenceIds = execution.getVariable(EvidenceAttachments.EVIDENCE_IDS);
    if (evidenceIds != null) {
      // Still transient: the dispute's start attaches the buyer's uploads, as its start form does.
      request.put(EvidenceAttachments.EVIDENCE_IDS, Variables.stringValue(evidenceIds.toString(), true));
    }
    VariableMap dispute = runtimeService.createProcessInstanceByKey(DisputeProcess.KEY)
        .setVariables(request)
        .executeWithVariablesInReturn()
        .getVariables();

    String disputeId = (String) dispute.get(DISPUTE_ID);
    boolean eligible = Boolean.TRUE.equals(dispute.get(ELIGIBLE));
    vars.set(DISPUTE_ID, disputeId);
    vars.set(DISPUTE_ELIGIBLE, eligible);
    if (eligible) {
      attachConversation(contactId, disputeId);
      vars.set(CONTACT_OUTCOME, ContactStatus.DISPUTE_OPENED.name());
      contacts.close(contactId, ContactStatus.DISPUTE_OPENED, disputeId);
    } else {
      vars.set(INELIGIBILITY_REASON, dispute.get(INELIGIBILITY_REASON));
      vars.set(CONTACT_OUTCOME, ContactStatus.DISPUTE_REFUSED.name());
      contacts.close(contactId, ContactStatus.DISPUTE_REFUSED, disputeId);
    }
  }

  private void attachConversation(String contactId, String disputeId) {
    for (ContactMessage message : contacts.messages(contactId)) {
      timeline.record(TimelineEvent.by(disputeId, message.authorId(),
          ActorRole.of(message.authorRole()), EventKind.PRIOR_CONTACT).detail(message.body())
          .at(message.postedAt().toInstant()));
    }
    ContactRecord contact = contacts.find(contactId).orElseThrow();
    if (contact.sellerSilentAt() != null) {
      timeline.record(TimelineEvent.system(disputeId, EventKind.PRIOR_CONTACT)
          .detail("The seller did not reply to the buyer by the reply deadline")
          .at(contact.sellerSilentAt().toInstant()));
    }
  }
}
