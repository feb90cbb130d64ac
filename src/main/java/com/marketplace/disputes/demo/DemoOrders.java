package com.marketplace.disputes.demo;

import com.marketplace.disputes.config.StartupOrder;
import com.marketplace.disputes.orders.ItemType;
import com.marketplace.disputes.orders.Order;
import com.marketplace.disputes.orders.OrderRepository;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The contract's demo orders (profile demo). Their dates are relative to start-up and are written
 * again on every start, so each order keeps the eligibility the contract's table promises however
 * old the demo database is. Runs before anything that starts demo disputes
 * ({@link StartupOrder#DEMO_ORDERS}); such code may also call {@link #ensureDemoOrders()}.
 */
@Component
@Profile("demo")
public class DemoOrders {

  private static final Logger log = LoggerFactory.getLogger(DemoOrders.class);

  private final OrderRepository orders;

  public DemoOrders(OrderRepository orders) {
    this.orders = orders;
  }

  @EventListener(PostDeployEvent.class)
  @org.springframework.core.annotation.Order(StartupOrder.DEMO_ORDERS)
  public void onPostDeploy() {
    ensureDemoOrders();
  }

  /** Writes the demo orders with dates anchored at now; returns them. */
  public List<Order> ensureDemoOrders() {
    List<Order> demo = demoOrders(Instant.now());
    demo.forEach(orders::upsert);
    log.info("Demo orders in place: {}",
        demo.stream().map(Order::orderId).toList());
    return demo;
  }

  static List<Order> demoOrders(Instant now) {
    Instant anchor = now.truncatedTo(ChronoUnit.SECONDS);
    List<Order> demo = new ArrayList<>();
    demo.add(order(anchor, "ORD-1001", "buyer1", "seller1", "USB-C cable, 2 m", "49.90",
        ItemType.PHYSICAL, 20, 40));
    demo.add(order(anchor, "ORD-1002", "buyer1", "seller1", "Photo editing e-book", "9.99",
        ItemType.DIGITAL, 20, 40));
    demo.add(order(anchor, "ORD-1003", "buyer1", "seller2", "Engraved wooden name plate",
        "120.00", ItemType.CUSTOM, 20, 40));
    demo.add(order(anchor, "ORD-1004", "buyer1", "seller1", "Phone case", "15.00",
        ItemType.PHYSICAL, 3, 57));
    demo.add(order(anchor, "ORD-1005", "buyer1", "seller2", "Desk lamp", "30.00",
        ItemType.PHYSICAL, 60, 5));
    demo.add(order(anchor, "ORD-2001", "buyer2", "seller2", "Bluetooth headphones", "75.50",
        ItemType.PHYSICAL, 15, 45));
    // Eligible orders for the demo disputes in flight, one dispute per order.
    demo.add(order(anchor, "ORD-1006", "buyer1", "seller1", "Running shoes, size 42", "89.00",
        ItemType.PHYSICAL, 20, 40));
    demo.add(order(anchor, "ORD-1007", "buyer1", "seller2", "Ceramic coffee mugs, set of 4",
        "34.50", ItemType.PHYSICAL, 18, 42));
    demo.add(order(anchor, "ORD-1008", "buyer2", "seller1", "Mechanical keyboard", "129.99",
        ItemType.PHYSICAL, 25, 35));
    demo.add(order(anchor, "ORD-1009", "buyer2", "seller2", "Winter jacket, M", "159.00",
        ItemType.PHYSICAL, 16, 44));
    demo.add(order(anchor, "ORD-1010", "buyer2", "seller1", "Stainless steel water bottle",
        "22.40", ItemType.PHYSICAL, 22, 38));
    return demo;
  }

  /**
   * An order shipped {@code shippedDaysAgo} days ago, estimated to arrive 7 days after shipping,
   * with no delivery confirmed (so every claim reason stays plausible), and buyer protection
   * ending in {@code protectionDaysLeft} days.
   */
  private static Order order(Instant now, String orderId,
      String buyerId, String sellerId, String title, String amount, ItemType itemType,
      int shippedDaysAgo, int protectionDaysLeft) {
    Instant shippedAt = now.minus(Duration.ofDays(shippedDaysAgo));
    Instant estimatedDeliveryAt = shippedAt.plus(Duration.ofDays(7));
    return new Order(orderId, buyerId, sellerId, title,
        new BigDecimal(amount), "USD", itemType, shippedAt, estimatedDeliveryAt, null,
        now.plus(Duration.ofDays(protectionDaysLeft)),
        itemType == ItemType.DIGITAL ? null : "LP" + orderId.substring(4) + "0000000CN");
  }
}
