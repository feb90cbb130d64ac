package com.marketplace.disputes.orders;

import java.time.Instant;

/**
 * An order known before now has another seller or another shipping time: whatever counted it by
 * its earlier ones (the analytics' settled months) counts it again.
 */
public record OrderShipmentChanged(String orderId, String previousSellerId,
    Instant previousShippedAt) {}
