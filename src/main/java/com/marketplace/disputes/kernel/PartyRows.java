package com.marketplace.disputes.kernel;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows of a case table (dispute, contact) in which a user is the buyer or the seller, newest
 * first. Two ranges, one per party's (party, opened) index, each cut at the limit: "buyer or
 * seller" in one condition made H2 read every dispute (p95 499 ms with 100,000 open, against
 * 29 ms with 20,000).
 */
public final class PartyRows {

  private PartyRows() {}

  /** {@code table}, one of the service's own, has buyer_id, seller_id and opened_at. */
  public static <T> List<T> newest(JdbcClient jdbc, String table, String userId, int limit,
      Class<T> row) {
    return jdbc.sql("""
        select * from (select * from %1$s where buyer_id = :user
                       order by opened_at desc limit :limit) as bought
        union
        select * from (select * from %1$s where seller_id = :user
                       order by opened_at desc limit :limit) as sold
        order by opened_at desc limit :limit""".formatted(table))
        .param("user", userId).param("limit", limit).query(row).list();
  }
}
