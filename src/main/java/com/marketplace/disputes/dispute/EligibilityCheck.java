package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeProcess.DAYS_SINCE_SHIPPED;
import static com.marketplace.disputes.dispute.DisputeProcess.ELIGIBLE;
import static com.marketplace.disputes.dispute.DisputeProcess.ESTIMATED_DELIVERY_PASSED;
import static com.marketplace.disputes.dispute.DisputeProcess.EXISTING_DISPUTE;
import static com.marketplace.disputes.dispute.DisputeProcess.INELIGIBILITY_REASON;
import static com.marketplace.disputes.dispute.DisputeProcess.ITEM_TYPE;
import static com.marketplace.disputes.dispute.DisputeProcess.MIN_DAYS_SINCE_SHIPPING;
import static com.marketplace.disputes.dispute.DisputeProcess.MIN_PROTECTION_DAYS_LEFT;
import static com.marketplace.disputes.dispute.DisputeProcess.ORDER_BUYER;
import static com.marketplace.disputes.dispute.DisputeProcess.ORDER_FOUND;
import static com.marketplace.disputes.dispute.DisputeProcess.PROTECTION_DAYS_LEFT;

import com.marketplace.disputes.config.DisputePolicy;
import com.marketplace.disputes.kernel.AppClock;
import com.marketplace.disputes.kernel.EngineCalls;
import com.marketplace.disputes.orders.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The inputs of the decision {@code disputeEligibility}, from the service's own records of the
 * order and its disputes, and the decision asked with them before a dispute is opened. The process
 * reads the same inputs in RegisterDispute, so the answer a buyer sees on the start form is the
 * answer the process would give.
 */
@Component
public class EligibilityCheck {

  public static final String DECISION_KEY = "disputeEligibility";

  private final DisputeRecords records;
  private final DisputePolicy policy;
  private final EngineCalls engineCalls;

  public EligibilityCheck(DisputeRecords records, DisputePolicy policy, EngineCalls engineCalls) {
    this.records = records;
    this.policy = policy;
    this.engineCalls = engineCalls;
  }

  /** The decision's answer: eligible, or the reason (an {@link IneligibilityReason} name). */
  public record Answer(boolean eligible, String reason) {}

  /** Asks the decision for {@code buyerId} and the order as recorded now. */
  public Answer check(String buyerId, String orderId, Optional<Order> order) {
    Map<String, Object> result =
        engineCalls.evaluateDecisionAsService(DECISION_KEY, inputs(buyerId, orderId, order));
    boolean eligible = Boolean.TRUE.equals(result.get(ELIGIBLE));
    return new Answer(eligible, eligible ? null : (String) result.get(INELIGIBILITY_REASON));
  }

  /** The decision's inputs: the order's facts, its disputes and the policy's limits. */
  public Map<String, Object> inputs(String buyerId, String orderId, Optional<Order> order) {
    Instant now = AppClock.now();
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(ORDER_FOUND, order.isPresent());
    inputs.put(ORDER_BUYER, order.map(o -> o.buyerId().equals(buyerId)).orElse(false));
    inputs.put(EXISTING_DISPUTE, records.blockingDispute(orderId));
    inputs.put(ITEM_TYPE, order.map(o -> o.itemType().name()).orElse(null));
    inputs.put(DAYS_SINCE_SHIPPED, order.map(Order::shippedAt)
        .map(shipped -> (int) Duration.between(shipped, now).toDays()).orElse(null));
    inputs.put(ESTIMATED_DELIVERY_PASSED, order.map(Order::estimatedDeliveryAt)
        .map(eta -> !eta.isAfter(now)).orElse(false));
    inputs.put(PROTECTION_DAYS_LEFT, order.map(Order::protectionEndsAt)
        .map(ends -> (int) Duration.between(now, ends).toDays()).orElse(0));
    inputs.put(MIN_DAYS_SINCE_SHIPPING, policy.getMinDaysSinceShipping());
    inputs.put(MIN_PROTECTION_DAYS_LEFT, policy.getMinProtectionDaysLeft());
    return inputs;
  }
}
