package com.marketplace.disputes.orders;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The order facts the marketplace pushed, as the dispute process reads them. The amount is in
 * {@code currency} with scale 2; optional instants are null when unknown.
 */
public record Order(
    String orderId,
    String buyerId,
    String sellerId,
    String title,
    BigDecimal amount,
    String currency,
    ItemType itemType,
    Instant shippedAt,
    Instant estimatedDeliveryAt,
    Instant deliveredAt,
    Instant protectionEndsAt,
    String trackingNumber) {

  public boolean isParty(String userId) {
    return userId != null && (userId.equals(buyerId) || userId.equals(sellerId));
  }
}
