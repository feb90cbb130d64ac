package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.appeal.AppealProcess.APPELLANT_ID;
import static com.marketplace.disputes.dispute.DisputeProcess.BUYER_ID;
import static com.marketplace.disputes.dispute.DisputeProcess.CURRENCY;
import static com.marketplace.disputes.dispute.DisputeProcess.DISPUTE_ID;
import static com.marketplace.disputes.dispute.DisputeProcess.EVIDENCE_PARTY;
import static com.marketplace.disputes.dispute.DisputeProcess.ORDER_AMOUNT;
import static com.marketplace.disputes.dispute.DisputeProcess.ORDER_ID;
import static com.marketplace.disputes.dispute.DisputeProcess.REFUND_AMOUNT;
import static com.marketplace.disputes.dispute.DisputeProcess.RESOLUTION;
import static com.marketplace.disputes.dispute.DisputeProcess.SELLER_ID;

import com.marketplace.disputes.appeal.AppealRecords;
import com.marketplace.disputes.appeal.AppealRecords.AppealRecord;
import com.marketplace.disputes.contact.ContactRecords;
import com.marketplace.disputes.contact.ContactRecords.ContactRecord;
import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import com.marketplace.disputes.dispute.DisputeRecords.Outcome;
import com.marketplace.disputes.kernel.Money;
import com.marketplace.disputes.kernel.Party;
import com.marketplace.disputes.orders.Order;
import com.marketplace.disputes.orders.OrderRepository;
import java.math.BigDecimal;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The facts a step may act on: who the buyer and the seller are, which order and dispute, what
 * the order cost and what is to be carried out. They come from the service's own rows (dispute,
 * contact, appeal, market_order), found by the process instance's business key ({@code D-…},
 * {@code C-…}, {@code A-…}; a returnAndRefund instance carries its dispute's id), never from
 * process variables: a party can try to write a variable, it cannot write these rows.
 *
 * <p>The contract's variables ({@code buyerId}, {@code sellerId}, {@code orderAmount},
 * {@code resolution}, {@code refundAmount}…) stay, for the models' expressions, Tasklist and
 * history; the service writes them from the rows ({@link #writeParties}, {@link #writeOutcome}),
 * and where a variable says something else, the row wins and the difference is logged.
 *
 * <p>A row names the instance it belongs to. An instance whose business key names a row of
 * another instance (and that was not called by it) gets nothing from it: the step fails.
 */
@Component
public class DisputeFacts {

  private static final Logger LOG = LoggerFactory.getLogger(DisputeFacts.class);

  private final DisputeRecords disputes;
  private final ContactRecords contacts;
  private final AppealRecords appeals;
  private final OrderRepository orders;

  public DisputeFacts(DisputeRecords disputes, ContactRecords contacts, AppealRecords appeals,
      OrderRepository orders) {
    this.disputes = disputes;
    this.contacts = contacts;
    this.appeals = appeals;
    this.orders = orders;
  }

  /**
   * The case of a dispute, contact or appeal as its rows record it.
   *
   * @param caseId the business key: the dispute, contact or appeal id
   * @param disputeId the dispute; for a contact the dispute it opened, if any
   * @param appellantId who appealed; null outside an appeal
   */
  public record Case(String caseId, String disputeId, String contactId, String appealId,
      String orderId, String buyerId, String sellerId, BigDecimal orderAmount, String currency,
      String appellantId) {

    /** The user id of {@code party} in this case; null for no party. */
    public String party(Party party) {
      return party == null ? null : party.in(buyerId, sellerId);
    }

    /** The party {@code userId} is in this case; null for anyone else. */
    public Party roleOf(String userId) {
      return Party.of(userId, buyerId, sellerId);
    }
  }

  /** The case of the instance that runs this step; a step of one of our processes always has one. */
  public Case of(VariableScope scope) {
    return find(scope).orElseThrow(() -> new IllegalStateException(
        "No dispute, contact or appeal is recorded for business key '" + businessKey(scope)
            + "'"));
  }

  /**
   * The case of the instance, or empty when its business key names no row (an instance of a
   * model that is not one of the service's processes).
   *
   * @throws IllegalStateException when the row belongs to another process instance
   */
  public Optional<Case> find(VariableScope scope) {
    DelegateExecution execution = execution(scope);
    String key = execution == null ? null : execution.getProcessBusinessKey();
    if (key == null) {
      return Optional.empty();
    }
    if (key.startsWith("D-")) {
      return disputes.find(key).map(dispute -> {
        check(execution, key, dispute.processInstanceId(), dispute.appealId());
        return disputeCase(key, dispute, null, null);
      });
    }
    if (key.startsWith("A-")) {
      return appeals.find(key).map(appeal -> {
        check(execution, key, appeal.processInstanceId(), null);
        return appealCase(appeal);
      });
    }
    if (key.startsWith("C-")) {
      return contacts.find(key).map(contact -> {
        check(execution, key, contact.processInstanceId(), null);
        return contactCase(contact);
      });
    }
    return Optional.empty();
  }

  /** The row of the dispute the case is about. */
  public DisputeRecord dispute(Case c) {
    return disputes.find(c.disputeId()).orElseThrow(() -> new IllegalStateException(
        "No dispute " + c.disputeId() + " is recorded for " + c.caseId()));
  }

  /** What the dispute is to carry out, as recorded; empty while nothing has been decided. */
  public Optional<Outcome> outcome(String disputeId) {
    return disputes.outcome(disputeId);
  }

  /** The user the mediator asked for evidence, as recorded; empty before any request. */
  public Optional<String> evidenceParty(Case c) {
    return c.disputeId() == null ? Optional.empty()
        : disputes.evidenceRequestedFrom(c.disputeId()).map(Party::valueOf).map(c::party);
  }

  /**
   * Writes the contract's variables about the parties, the order and the dispute from the rows.
   * Runs before every task of a party opens, so its assignee expression reads the recorded party.
   */
  public Case writeParties(VariableScope scope) {
    Case c = of(scope);
    keep(scope, c, DISPUTE_ID, c.disputeId());
    keep(scope, c, ORDER_ID, c.orderId());
    keep(scope, c, BUYER_ID, c.buyerId());
    keep(scope, c, SELLER_ID, c.sellerId());
    keep(scope, c, ORDER_AMOUNT, c.orderAmount() == null ? null : Money.format(c.orderAmount()));
    keep(scope, c, CURRENCY, c.currency());
    keep(scope, c, APPELLANT_ID, c.appellantId());
    return c;
  }

  /** Writes {@code evidenceParty} from the recorded request, before the evidence task opens. */
  public void writeEvidenceParty(VariableScope scope) {
    Case c = of(scope);
    evidenceParty(c).ifPresent(party -> keep(scope, c, EVIDENCE_PARTY, party));
  }

  /**
   * Writes {@code resolution} and {@code refundAmount} from the recorded outcome, and returns it.
   * Runs before every gateway that routes on them, so a changed variable cannot skip a return or
   * a refund, or add one.
   */
  public Optional<Outcome> writeOutcome(VariableScope scope) {
    Case c = of(scope);
    Optional<Outcome> outcome = c.disputeId() == null ? Optional.empty() : outcome(c.disputeId());
    outcome.ifPresent(o -> {
      keep(scope, c, RESOLUTION, o.resolution());
      keep(scope, c, REFUND_AMOUNT, Money.format(o.refund()));
    });
    return outcome;
  }

  /**
   * Records what the dispute is now to carry out, for the step that decides it, and writes the
   * variables to match: the step changes the outcome, so a different earlier value is expected.
   */
  public void settle(VariableScope scope, String disputeId, String resolution,
      BigDecimal refund) {
    disputes.recordOutcome(disputeId, resolution, refund);
    scope.setVariable(RESOLUTION, resolution);
    scope.setVariable(REFUND_AMOUNT, Money.format(refund));
  }

  /** What the recorded {@code resolution} refunds: the order amount, the agreed part, or nothing. */
  public static BigDecimal refundFor(String resolution, BigDecimal partialAmount,
      BigDecimal orderAmount) {
    return Resolution.valueOf(resolution).refund(partialAmount, orderAmount);
  }

  /**
   * Sets a variable to what the record says; a different value it had is logged and replaced.
   */
  public void keep(VariableScope scope, Case c, String name, String recorded) {
    if (recorded == null) {
      return;
    }
    Object current = scope.getVariable(name);
    String value = current == null ? null : current.toString();
    if (recorded.equals(value)) {
      return;
    }
    if (value != null) {
      LOG.warn("{}: variable {} was '{}', the record says '{}'; the record stands", c.caseId(),
          name, value, recorded);
    }
    scope.setVariable(name, recorded);
  }

  private Case disputeCase(String caseId, DisputeRecord dispute, String appealId,
      String appellantId) {
    BigDecimal orderAmount = dispute.orderAmount();
    String currency = dispute.currency();
    if (orderAmount == null || currency == null) {
      Optional<Order> order = orders.find(dispute.orderId());
      orderAmount = orderAmount != null ? orderAmount : order.map(Order::amount).orElse(null);
      currency = currency != null ? currency : order.map(Order::currency).orElse(null);
    }
    return new Case(caseId, dispute.disputeId(), null, appealId, dispute.orderId(),
        dispute.buyerId(), dispute.sellerId(), orderAmount, currency, appellantId);
  }

  private Case appealCase(AppealRecord appeal) {
    return disputes.find(appeal.disputeId())
        .map(dispute -> disputeCase(appeal.appealId(), dispute, appeal.appealId(),
            appeal.appellantId()))
        // A refused appeal may name a dispute that does not exist: it has only its appellant.
        .orElseGet(() -> new Case(appeal.appealId(), appeal.disputeId(), null, appeal.appealId(),
            null, null, null, null, null, appeal.appellantId()));
  }

  private Case contactCase(ContactRecord contact) {
    Optional<Order> order = orders.find(contact.orderId());
    return new Case(contact.contactId(), contact.disputeId(), contact.contactId(), null,
        contact.orderId(), contact.buyerId(), contact.sellerId(),
        order.map(Order::amount).orElse(null), order.map(Order::currency).orElse(null), null);
  }

  /**
   * The row must be this instance's, or that of the instance which called it: a dispute's
   * returnAndRefund is called by the dispute, or by the dispute's appeal.
   */
  private void check(DelegateExecution execution, String key, String recordedInstance,
      String appealId) {
    if (recordedInstance == null || recordedInstance.equals(execution.getProcessInstanceId())) {
      return;
    }
    DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
    String callerInstance = caller == null ? null : caller.getProcessInstanceId();
    if (callerInstance != null && (callerInstance.equals(recordedInstance) || appealId != null
        && appeals.find(appealId).map(AppealRecord::processInstanceId)
            .filter(callerInstance::equals).isPresent())) {
      return;
    }
    throw new IllegalStateException("Process instance " + execution.getProcessInstanceId()
        + " is not the process of " + key + ", which belongs to instance " + recordedInstance);
  }

  private static String businessKey(VariableScope scope) {
    DelegateExecution execution = execution(scope);
    return execution == null ? null : execution.getProcessBusinessKey();
  }

  private static DelegateExecution execution(VariableScope scope) {
    return scope instanceof DelegateTask task ? task.getExecution()
        : scope instanceof DelegateExecution e ? e : null;
  }
}
