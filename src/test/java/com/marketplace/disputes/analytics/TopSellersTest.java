package com.marketplace.disputes.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketplace.disputes.analytics.DisputeAnalytics.SellerRanking;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The top-sellers figure counts orders only for the sellers that can still make the list. Over
 * random histories, with ties, refused requests, orders and disputes outside the period and
 * sellers of every size, its list is the one a single query ranking every seller gives.
 */
@SpringBootTest
@ActiveProfiles("test")
class TopSellersTest {

  private static final LocalDate FROM = LocalDate.parse("2026-03-01");
  private static final LocalDate TO = LocalDate.parse("2026-03-31");
  private static final List<SellerRanking> RANKINGS = List.of(new SellerRanking(10, 10),
      new SellerRanking(0, 5), new SellerRanking(1, 1), new SellerRanking(25, 3),
      new SellerRanking(10, 1000), new SellerRanking(0, 0));

  @Autowired SettledDays settledDays;
  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate batch;

  @Test
  void theSellersWhoseOrdersAreNotCountedCouldNotHaveMadeTheList() {
    for (long seed = 1; seed <= 4; seed++) {
      write(new Random(seed), 600);
      // Batches of one seller stop at the first seller who cannot make the list.
      for (int batch : List.of(1, 7, 500)) {
        AnalyticsQueries queries = new AnalyticsQueries(jdbc, settledDays, batch);
        for (SellerRanking ranking : RANKINGS) {
          assertThat(queries.topSellers(new AnalyticsPeriod(FROM, TO), ranking.minOrders(),
                  ranking.limit()).rows())
              .as("seed %d, batches of %d, at least %d orders, %d sellers", seed, batch,
                  ranking.minOrders(), ranking.limit())
              .isEqualTo(rankedByOneQuery(ranking));
        }
      }
    }
  }

  private List<List<Object>> rankedByOneQuery(SellerRanking ranking) {
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
        order by cast(disputes as double precision) / orders desc, disputes desc, seller_id
        limit :limit""")
        .param("from", at(FROM)).param("to", at(TO.plusDays(1)))
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
   * Sellers with up to 40 orders and up to 12 disputes in March, some of them around March too;
   * one seller in twenty draws four times the disputes. Small counts make ties common.
   */
  private void write(Random random, int sellers) {
    new SeededHistory(jdbc).clear();
    List<Object[]> orders = new ArrayList<>();
    List<Object[]> disputes = new ArrayList<>();
    for (int s = 0; s < sellers; s++) {
      String seller = "s-%04d".formatted(s);
      int shipped = random.nextInt(41);
      for (int o = 0; o < shipped + random.nextInt(5); o++) {
        // The ones past the count fall just before the period.
        OffsetDateTime when = o < shipped ? moment(random) : at(FROM).minusSeconds(1 + o);
        orders.add(new Object[] {seller + "-o" + o, seller, when, when.plusDays(60), when});
      }
      int opened = random.nextInt(s % 20 == 0 ? 13 : 4);
      for (int d = 0; d < opened + random.nextInt(3); d++) {
        OffsetDateTime when = d < opened ? moment(random) : at(TO.plusDays(1)).plusSeconds(d);
        boolean refused = random.nextInt(10) == 0;
        disputes.add(new Object[] {seller + "-d" + d, seller + "-o0", seller,
            refused ? "INELIGIBLE" : "OPEN", when});
      }
    }
    batch.batchUpdate("""
        insert into market_order (order_id, buyer_id, seller_id, title, amount, currency,
          item_type, shipped_at, protection_ends_at, updated_at)
        values (?, 'b-one', ?, 'Random order', 10.00, 'USD', 'PHYSICAL', ?, ?, ?)""", orders);
    batch.batchUpdate("""
        insert into dispute (dispute_id, order_id, buyer_id, seller_id, status, reason,
          item_received, description, requested_resolution, order_amount, currency, overdue,
          opened_at)
        values (?, ?, 'b-one', ?, ?, 'DAMAGED', true, 'Random dispute.', 'FULL_REFUND', 10.00,
          'USD', false, ?)""", disputes);
  }

  private static OffsetDateTime moment(Random random) {
    return at(FROM).plusSeconds(random.nextInt(31 * 86_400));
  }

  private static OffsetDateTime at(LocalDate day) {
    return day.atStartOfDay().atOffset(ZoneOffset.UTC);
  }
}
