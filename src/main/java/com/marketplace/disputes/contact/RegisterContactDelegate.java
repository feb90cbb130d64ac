package com.marketplace.disputes.contact;

import static com.marketplace.disputes.contact.SellerContactProcess.BUYER_MESSAGE;
import static com.marketplace.disputes.contact.SellerContactProcess.CONTACT_ID;
import static com.marketplace.disputes.dispute.DisputeProcess.BUYER_ID;
import static com.marketplace.disputes.dispute.DisputeProcess.CURRENCY;
import static com.marketplace.disputes.dispute.DisputeProcess.ORDER_AMOUNT;
import static com.marketplace.disputes.dispute.DisputeProcess.ORDER_ID;
import static com.marketplace.disputes.dispute.DisputeProcess.SELLER_ID;

import com.marketplace.disputes.identity.DisputeAccess;
import com.marketplace.disputes.kernel.Ids;
import com.marketplace.disputes.kernel.InvalidRequestException;
import com.marketplace.disputes.kernel.InvalidRequestException.FieldError;
import com.marketplace.disputes.kernel.Money;
import com.marketplace.disputes.kernel.Party;
import com.marketplace.disputes.kernel.ProcessVariables;
import com.marketplace.disputes.kernel.Requester;
import com.marketplace.disputes.kernel.Text;
import com.marketplace.disputes.orders.Order;
import com.marketplace.disputes.orders.OrderRepository;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * First step of a seller contact: checks the request (a refused one fails the start and leaves no
 * instance), gives the contact its id as business key, keeps the buyer's first message and lets
 * buyer and seller see the instance.
 *
 * <p>Only the order's buyer may write, and an order has one open contact at most. The order's
 * row is locked for the rest of this transaction, so two requests for the same order are decided
 * one after the other and the second sees the first; the unique order lock on the contact table
 * holds even if they were not.
 */
@Component
public class RegisterContactDelegate implements JavaDelegate {

  static final int MAX_MESSAGE = 4000;
  private static final String WHAT = "Cannot write to the seller";

  private final OrderRepository orders;
  private final ContactRecords contacts;
  private final DisputeAccess access;
  private final Requester requester;

  public RegisterContactDelegate(OrderRepository orders, ContactRecords contacts,
      DisputeAccess access, Requester requester) {
    this.orders = orders;
    this.contacts = contacts;
    this.access = access;
    this.requester = requester;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables vars = ProcessVariables.of(execution);
    String buyerId = requester.actingFor(vars.string(BUYER_ID), BUYER_ID, WHAT);
    String orderId = Text.trimmed(vars.string(ORDER_ID));
    String message = Text.trimmed(vars.string(BUYER_MESSAGE));
    List<FieldError> errors = new ArrayList<>();
    if (orderId == null) {
      errors.add(new FieldError(ORDER_ID, "is required"));
    }
    checkMessage(BUYER_MESSAGE, message, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(WHAT, errors);
    }
    Order order = orders.findForUpdate(orderId)
        .filter(o -> o.buyerId().equals(buyerId))
        .orElseThrow(() -> InvalidRequestException.of(WHAT, ORDER_ID,
            "is not an order of yours: only the buyer of an order can write to its seller"));
    contacts.openContactFor(orderId).ifPresent(open -> {
      throw InvalidRequestException.of(WHAT, ORDER_ID,
          "has an open contact already (" + open + "): add a message to it instead");
    });

    String contactId = Ids.next("C");
    execution.setProcessBusinessKey(contactId);
    vars.set(CONTACT_ID, contactId);
    vars.set(BUYER_ID, buyerId);
    vars.set(ORDER_ID, orderId);
    vars.set(SELLER_ID, order.sellerId());
    vars.set(ORDER_AMOUNT, Money.format(order.amount()));
    vars.set(CURRENCY, order.currency());
    vars.set(BUYER_MESSAGE, message);
    try {
      contacts.insert(contactId, orderId, execution.getProcessInstanceId(), buyerId,
          order.sellerId());
    } catch (DuplicateKeyException raced) {
      throw InvalidRequestException.of(WHAT, ORDER_ID, "has an open contact already");
    }
    contacts.addMessage(contactId, buyerId, Party.BUYER, message);
    access.grantParties(execution.getProcessInstanceId(), buyerId, order.sellerId());
  }

  /** A message is required text of at most {@value #MAX_MESSAGE} characters. */
  static void checkMessage(String field, String message, List<FieldError> errors) {
    if (message == null) {
      errors.add(new FieldError(field, "is required"));
    } else if (message.length() > MAX_MESSAGE) {
      errors.add(new FieldError(field, "must be at most " + MAX_MESSAGE + " characters"));
    }
  }
}
