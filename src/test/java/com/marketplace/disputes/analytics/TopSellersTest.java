package com.marketplace.disputes.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketplace.disputes.analytics.DisputeAnalytics.SellerRanking;
import com.marketplace.disputes.demo.HistoryWriter;
import com.marketplace.disputes.orders.Order;
import com.marketplace.disputes.orders.OrderRepository;
import com.marketplace.disputes.support.ServiceTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The top-sellers figure counts orders only for the sellers that can still make the list, and
 * reads the months that are over from settled seller counts. Over random histories from January
 * to April 2026, with ties, refused requests and sellers of every size, its list is the one a
 * single query ranking every seller gives: for a period inside one month, for periods around
 * whole months, before and after those months settle, and after orders move out of a settled
 * month.
 */
@ServiceTest
class TopSellersTest {

  private static final LocalDate FIRST_DAY = LocalDate.parse("2026-01-01");
  private static final int DAYS = 120;
  private static final List<AnalyticsPeriod> PERIODS = List.of(
      period("2026-03-03", "2026-03-27"), period("2026-03-01", "2026-03-31"),
      period("2026-02-10", "2026-04-20"), period("2026-01-01", "2026-04-30"));
  private static final List<SellerRanking> RANKINGS = List.of(new SellerRanking(10, 10),
      new SellerRanking(0, 5), new SellerRanking(1, 1), new SellerRanking(25, 3),
      new SellerRanking(10, 1000), new SellerRanking(0, 0));

  @Autowired SettledDays settledDays;
  @Autowired OrderRepository orders;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theSellersWhoseOrdersAreNotCountedCouldNotHaveMadeTheList() {
    for (long seed = 1; seed <= 3; seed++) {
      write(new Random(seed), 400);
      // On 10 April, January to March are over; on 2 May, April too.
      for (String now : List.of("2026-04-10T12:00:00Z", "2026-05-02T00:00:00Z")) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(now)));
        // Batches of one seller stop at the first seller who cannot make the list.
        for (int size : List.of(1, 7, 500)) {
          assertSameAsOneQuery(new AnalyticsQueries(jdbc, settledDays, size),
              "seed %d, on %s, batches of %d".formatted(seed, now, size));
        }
      }
    }
    assertThat(settledMonths()).as("settled months").hasSize(4);
  }

  @Test
  void aMonthThatAnOrderMovesOutOfIsCountedAgain() {
    write(new Random(7), 400);
    // A seller with 30 disputes over 200 orders in March: a rate of 0.15, far from the top.
    List<Map<String, Object>> moving = new ArrayList<>();
    List<Map<String, Object>> disputes = new ArrayList<>();
    OffsetDateTime march = PERIODS.get(1).start();
    for (int i = 0; i < 200; i++) {
      OffsetDateTime when = march.plusHours(3 * i);
      moving.add(SeededHistory.order("s-moving-o%03d".formatted(i), "s-moving", when));
    }
    for (int i = 0; i < 30; i++) {
      disputes.add(dispute("s-moving-d" + i, "s-moving-o000", "s-moving", "OPEN",
          march.plusHours(20 * i)));
    }
    insert(moving, disputes);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-05-02T00:00:00Z")));
    AnalyticsQueries queries = new AnalyticsQueries(jdbc, settledDays, 7);
    assertSameAsOneQuery(queries, "before");
    assertThat(settledMonths()).contains(LocalDate.parse("2026-03-01"));

    // The marketplace moves 190 of those orders to 2025: 30 disputes over 10 March orders rank
    // first. Read with March's settled order count as its lower bound, the seller would be left
    // out without its orders counted.
    for (int i = 10; i < 200; i++) {
      Order order = orders.find("s-moving-o%03d".formatted(i)).orElseThrow();
      orders.upsert(new Order(order.orderId(), order.buyerId(), order.sellerId(), order.title(),
          order.amount(), order.currency(), order.itemType(),
          order.shippedAt().minusSeconds(365L * 86_400), order.estimatedDeliveryAt(),
          order.deliveredAt(), order.protectionEndsAt(), order.trackingNumber()));
    }

    assertThat(queries.topSellers(PERIODS.get(1), 10, 1).rows())
        .containsExactly(List.of(1L, "s-moving", 10L, 30L, AnalyticsQueries.rate(30, 10)));
    assertSameAsOneQuery(queries, "after the move");
  }

  private void assertSameAsOneQuery(AnalyticsQueries queries, String when) {
    for (AnalyticsPeriod period : PERIODS) {
      for (SellerRanking ranking : RANKINGS) {
        assertThat(queries.topSellers(period, ranking.minOrders(), ranking.limit()).rows())
            .as("%s, %s to %s, at least %d orders, %d sellers", when, period.from(),
                period.to(), ranking.minOrders(), ranking.limit())
            .isEqualTo(rankedByOneQuery(period, ranking));
      }
    }
  }

  /**
   * The ranking in one query. Rates are compared as decimals: H2 ranked 5 / 13 above 15 / 39 as
   * doubles, where the figure, comparing fractions exactly, finds them equal and lists the seller
   * with more disputes first.
   */
  private List<List<Object>> rankedByOneQuery(AnalyticsPeriod period, SellerRanking ranking) {
    List<List<Object>> rows = new ArrayList<>();
    jdbc.sql("""
        select seller_id, orders, disputes
        from (select s.seller_id, s.disputes,
                (select count(*) from market_order o
                 where o.seller_id = s.seller_id
                   and o.shipped_at >= :from and o.shipped_at < :to) as orders
              from (select seller_id, count(*) as disputes
                    from dispute
                    where opened_at >= :from and opened_at < :to and status <> 'INELIGIBLE'
                    group by seller_id) s) rated
        where orders >= :minOrders and orders > 0
        order by cast(disputes as numeric(38, 20)) / orders desc, disputes desc, seller_id
        limit :limit""")
        .param("from", period.start()).param("to", period.end())
        .param("minOrders", ranking.minOrders()).param("limit", ranking.limit())
        .query((rs, i) -> {
          List<Object> row = new ArrayList<>();
          row.add(i + 1L);
          row.add(rs.getString(1));
          row.add(rs.getLong(2));
          row.add(rs.getLong(3));
          row.add(AnalyticsQueries.rate(rs.getLong(3), rs.getLong(2)));
          return row;
        })
        .list()
        .forEach(rows::add);
    return rows;
  }

  /**
   * Sellers with up to 160 orders and 16 disputes over the four months; one seller in twenty
   * draws four times the disputes. Small counts make ties common.
   */
  private void write(Random random, int sellers) {
    new SeededHistory(jdbc).clear();
    List<Map<String, Object>> orderRows = new ArrayList<>();
    List<Map<String, Object>> disputes = new ArrayList<>();
    for (int s = 0; s < sellers; s++) {
      String seller = "s-%04d".formatted(s);
      int shipped = random.nextInt(161);
      for (int o = 0; o < shipped; o++) {
        OffsetDateTime when = moment(random);
        orderRows.add(SeededHistory.order(seller + "-o" + o, seller, when));
      }
      int opened = random.nextInt(s % 20 == 0 ? 65 : 17);
      for (int d = 0; d < opened; d++) {
        boolean refused = random.nextInt(10) == 0;
        disputes.add(dispute(seller + "-d" + d, seller + "-o0", seller,
            refused ? "INELIGIBLE" : "OPEN", moment(random)));
      }
    }
    insert(orderRows, disputes);
  }

  private void insert(List<Map<String, Object>> orderRows,
      List<Map<String, Object>> disputes) {
    HistoryWriter history = new HistoryWriter(jdbc);
    history.orders(orderRows);
    history.disputes(disputes);
  }

  private static Map<String, Object> dispute(String id, String orderId, String seller,
      String status, OffsetDateTime opened) {
    Map<String, Object> dispute = new LinkedHashMap<>();
    dispute.put("dispute_id", id);
    dispute.put("order_id", orderId);
    dispute.put("buyer_id", "b-one");
    dispute.put("seller_id", seller);
    dispute.put("status", status);
    dispute.put("reason", "DAMAGED");
    dispute.put("item_received", true);
    dispute.put("description", "Random dispute.");
    dispute.put("requested_resolution", "FULL_REFUND");
    dispute.put("order_amount", new BigDecimal("10.00"));
    dispute.put("currency", "USD");
    dispute.put("overdue", false);
    dispute.put("opened_at", opened);
    return dispute;
  }

  private List<LocalDate> settledMonths() {
    return jdbc.sql("select month_start from analytics_settled_month order by month_start")
        .query((rs, i) -> rs.getDate(1).toLocalDate()).list();
  }

  private static OffsetDateTime moment(Random random) {
    return FIRST_DAY.atStartOfDay().atOffset(ZoneOffset.UTC)
        .plusSeconds(random.nextInt(DAYS * 86_400));
  }

  private static AnalyticsPeriod period(String from, String to) {
    return new AnalyticsPeriod(LocalDate.parse(from), LocalDate.parse(to));
  }
}
