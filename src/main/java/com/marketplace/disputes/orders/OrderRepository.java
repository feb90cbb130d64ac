package com.marketplace.disputes.orders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The market_order table. Instants travel as UTC OffsetDateTime, which both H2 and PostgreSQL
 * drivers map to {@code timestamp with time zone}.
 */
@Repository
public class OrderRepository {

  private static final String COLUMNS = """
      order_id, buyer_id, seller_id, title, amount, currency, item_type, shipped_at,
      estimated_delivery_at, delivered_at, protection_ends_at, tracking_number""";

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  public OrderRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  public Optional<Order> find(String orderId) {
    return jdbc.sql("select " + COLUMNS + " from market_order where order_id = :orderId")
        .param("orderId", orderId)
        .query(OrderRepository::map)
        .optional();
  }

  /** What the user bought, the latest shipped first. */
  public List<Order> findByBuyer(String userId, int limit) {
    return jdbc.sql("select " + COLUMNS + " from market_order where buyer_id = :user"
            + " order by shipped_at desc, order_id limit :limit")
        .param("user", userId)
        .param("limit", limit)
        .query(OrderRepository::map)
        .list();
  }

  /**
   * Reads the order and locks its row until the surrounding transaction ends, so that two
   * dispute requests for one order are decided one after the other. Needs a transaction.
   */
  public Optional<Order> findForUpdate(String orderId) {
    return jdbc.sql("select " + COLUMNS + " from market_order where order_id = :orderId for update")
        .param("orderId", orderId)
        .query(OrderRepository::map)
        .optional();
  }

  /**
   * Inserts or replaces the order; true when it was new. Called without a transaction each
   * statement commits on its own, which lets the insert that lost a race fall back to an update
   * (PostgreSQL would refuse any further statement in a transaction after the failed insert).
   */
  public boolean upsert(Order order) {
    Optional<Order> before = find(order.orderId());
    if (update(order) > 0) {
      before.filter(previous -> previous.shippedAt() != null
              && (!previous.sellerId().equals(order.sellerId())
                  || !previous.shippedAt().equals(order.shippedAt())))
          .ifPresent(previous -> events.publishEvent(new OrderShipmentChanged(order.orderId(),
              previous.sellerId(), previous.shippedAt())));
      return false;
    }
    try {
      jdbc.sql("insert into market_order (" + COLUMNS + ", updated_at) values (:orderId, :buyerId,"
              + " :sellerId, :title, :amount, :currency, :itemType, :shippedAt,"
              + " :estimatedDeliveryAt, :deliveredAt, :protectionEndsAt, :trackingNumber, :now)")
          .params(params(order))
          .param("orderId", order.orderId())
          .param("now", utc(Instant.now()))
          .update();
      return true;
    } catch (DuplicateKeyException raced) {
      // Another request inserted the same order since our update: replace its facts with ours.
      update(order);
      return false;
    }
  }

  private int update(Order order) {
    return jdbc.sql("""
            update market_order set buyer_id = :buyerId, seller_id = :sellerId, title = :title,
              amount = :amount, currency = :currency, item_type = :itemType,
              shipped_at = :shippedAt, estimated_delivery_at = :estimatedDeliveryAt,
              delivered_at = :deliveredAt, protection_ends_at = :protectionEndsAt,
              tracking_number = :trackingNumber, updated_at = :now
            where order_id = :orderId""")
        .params(params(order))
        .param("orderId", order.orderId())
        .param("now", utc(Instant.now()))
        .update();
  }

  private static Map<String, Object> params(Order order) {
    Map<String, Object> params = new HashMap<>();
    params.put("buyerId", order.buyerId());
    params.put("sellerId", order.sellerId());
    params.put("title", order.title());
    params.put("amount", order.amount());
    params.put("currency", order.currency());
    params.put("itemType", order.itemType().name());
    params.put("shippedAt", utc(order.shippedAt()));
    params.put("estimatedDeliveryAt", utc(order.estimatedDeliveryAt()));
    params.put("deliveredAt", utc(order.deliveredAt()));
    params.put("protectionEndsAt", utc(order.protectionEndsAt()));
    params.put("trackingNumber", order.trackingNumber());
    return params;
  }

  private static SqlParameterValue utc(Instant instant) {
    return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
        instant == null ? null : instant.atOffset(ZoneOffset.UTC));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Order map(ResultSet rs, int row) throws SQLException {
    return new Order(
        rs.getString("order_id"),
        rs.getString("buyer_id"),
        rs.getString("seller_id"),
        rs.getString("title"),
        rs.getBigDecimal("amount"),
        rs.getString("currency"),
        ItemType.valueOf(rs.getString("item_type")),
        instant(rs, "shipped_at"),
        instant(rs, "estimated_delivery_at"),
        instant(rs, "delivered_at"),
        instant(rs, "protection_ends_at"),
        rs.getString("tracking_number"));
  }
}
