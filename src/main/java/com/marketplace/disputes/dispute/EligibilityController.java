package com.marketplace.disputes.dispute;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.marketplace.disputes.dispute.EligibilityCheck.Answer;
import com.marketplace.disputes.forms.LabelController;
import com.marketplace.disputes.identity.PlatformGroups;
import com.marketplace.disputes.identity.UserLanguage;
import com.marketplace.disputes.kernel.ApiProblems;
import com.marketplace.disputes.kernel.ApiProblems.NotVisible;
import com.marketplace.disputes.orders.Order;
import com.marketplace.disputes.orders.OrderRepository;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * May the buyer open a dispute about this order now? The decision {@code disputeEligibility}
 * answers, with the order's facts as the service records them (a caller sends nothing but the
 * order id), before anything is submitted: the start form refuses an ineligible order with the
 * reason in words. The order's buyer and staff may ask; to anyone else the order does not exist.
 */
@RestController
public class EligibilityController {

  private final OrderRepository orders;
  private final EligibilityCheck eligibility;
  private final IdentityService identityService;
  private final UserLanguage language;

  public EligibilityController(OrderRepository orders, EligibilityCheck eligibility,
      IdentityService identityService, UserLanguage language) {
    this.orders = orders;
    this.eligibility = eligibility;
    this.identityService = identityService;
    this.language = language;
  }

  /**
   * The answer in the caller's language; staff are answered for the order's buyer. The contract's
   * shape always has its three fields: {@code reason} is null when eligible.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Eligibility(boolean eligible, String reason, String message) {}

  @GetMapping("/api/orders/{orderId}/eligibility")
  public Eligibility check(@PathVariable String orderId) {
    Authentication caller = ApiProblems.caller(identityService);
    Optional<Order> order = orders.find(orderId);
    boolean staff = PlatformGroups.isStaff(caller);
    if (!staff && !order.map(o -> o.buyerId().equals(caller.getUserId())).orElse(false)) {
      throw new NotVisible("order", orderId);
    }
    String buyerId = order.map(Order::buyerId).orElse(caller.getUserId());
    Answer answer = eligibility.check(buyerId, orderId, order);
    Map<String, String> words = LabelController.labels(language.of(caller.getUserId()));
    String message = answer.eligible()
        ? words.get("Eligibility.ELIGIBLE")
        : words.get(IneligibilityReason.class.getSimpleName() + "." + answer.reason()) + ". "
            + words.get("Eligibility." + answer.reason());
    return new Eligibility(answer.eligible(), answer.reason(), message);
  }
}
