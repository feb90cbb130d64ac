package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeProcess.BUYER_ID;
import static com.marketplace.disputes.dispute.DisputeProcess.CURRENCY;
import static com.marketplace.disputes.dispute.DisputeProcess.DISPUTE_ID;
import static com.marketplace.disputes.dispute.DisputeProcess.ORDER_AMOUNT;
import static com.marketplace.disputes.dispute.DisputeProcess.ORDER_ID;
import static com.marketplace.disputes.dispute.DisputeProcess.PROBLEM_DETAIL;
import static com.marketplace.disputes.dispute.DisputeProcess.REQUESTED_AMOUNT;
import static com.marketplace.disputes.dispute.DisputeProcess.SELLER_ID;

import com.marketplace.disputes.kernel.Ids;
import com.marketplace.disputes.kernel.InvalidRequestException;
import com.marketplace.disputes.kernel.Money;
import com.marketplace.disputes.kernel.ProcessVariables;
import com.marketplace.disputes.kernel.Requester;
import com.marketplace.disputes.kernel.Text;
import com.marketplace.disputes.orders.Order;
import com.marketplace.disputes.orders.OrderRepository;
import com.marketplace.disputes.timeline.ActorRole;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * First step of a dispute request: checks the start variables (a bad request fails the start and
 * leaves no instance), gives the dispute its id as business key, copies the order facts in, and
 * prepares the facts the eligibility decision reads.
 *
 * <p>The order's row is locked for the rest of this transaction, so two requests for the same
 * order are decided one after the other and the second sees the first's dispute.
 */
@Component
public class RegisterDisputeDelegate implements JavaDelegate {

  private final OrderRepository orders;
  private final DisputeRecords records;
  private final Requester requester;
  private final Timeline timeline;
  private final EligibilityCheck eligibility;

  public RegisterDisputeDelegate(OrderRepository orders, DisputeRecords records,
      Requester requester, Timeline timeline, EligibilityCheck eligibility) {
    this.orders = orders;
    this.records = records;
    this.requester = requester;
    this.timeline = timeline;
    this.eligibility = eligibility;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables vars = ProcessVariables.of(execution);
    // The buyer is the requester, unless the marketplace (or an admin) opens it on their behalf.
    String buyerId = requester.actingFor(vars.string(BUYER_ID), BUYER_ID, "Invalid dispute request");
    String orderId = Text.trimmed(vars.string(ORDER_ID));
    if (orderId == null) {
      throw InvalidRequestException.of("Invalid dispute request", ORDER_ID, "is required");
    }
    Optional<Order> order = orders.findForUpdate(orderId);
    Claim claim = Claim.read(execution::getVariable, order.map(Order::amount).orElse(null));

    String disputeId = Ids.next("D");
    execution.setProcessBusinessKey(disputeId);
    vars.set(DISPUTE_ID, disputeId);
    vars.set(BUYER_ID, buyerId);
    vars.set(ORDER_ID, orderId);
    vars.set(PROBLEM_DETAIL, claim.problemDetail());
    vars.set(REQUESTED_AMOUNT, claim.requestedAmount() == null ? null
        : Money.format(claim.requestedAmount()));
    order.ifPresent(o -> {
      vars.set(SELLER_ID, o.sellerId());
      vars.set(ORDER_AMOUNT, Money.format(o.amount()));
      vars.set(CURRENCY, o.currency());
    });
    records.insert(disputeId, orderId, execution.getProcessInstanceId(), buyerId,
        order.map(Order::sellerId).orElse(null), claim, order.map(Order::amount).orElse(null),
        order.map(Order::currency).orElse(null));
    timeline.record(TimelineEvent.by(disputeId, buyerId, ActorRole.BUYER, EventKind.REQUESTED)
        .detail(claim.description()).naming(claim.requestedResolution(), claim.requestedAmount()));
    eligibilityFacts(execution, buyerId, orderId, order);
  }

  /** Transient inputs of the disputeEligibility decision: read once, never stored. */
  private void eligibilityFacts(DelegateExecution execution, String buyerId, String orderId,
      Optional<Order> order) {
    eligibility.inputs(buyerId, orderId, order)
        .forEach((name, value) -> transientVar(execution, name, value));
  }

  private static void transientVar(DelegateExecution execution, String name, Object value) {
    execution.setVariable(name, Variables.untypedValue(value, true));
  }
}
