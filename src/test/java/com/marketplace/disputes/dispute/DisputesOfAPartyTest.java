package com.marketplace.disputes.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketplace.disputes.demo.HistoryWriter;
import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import com.marketplace.disputes.support.ServiceTest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "My disputes": a user's disputes as buyer and as seller, newest first, nobody else's. */
@ServiceTest
class DisputesOfAPartyTest {

  @Autowired DisputeRecords records;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void disputes() {
    jdbc.sql("delete from dispute where dispute_id like 'D-PARTY-%'").update();
    // pat buys from sam in the first three and sells to kim in the fourth and fifth.
    dispute("D-PARTY-1", "pat", "sam", "2026-05-01T10:00:00Z");
    dispute("D-PARTY-2", "pat", "sam", "2026-05-03T10:00:00Z");
    dispute("D-PARTY-3", "pat", "sam", "2026-05-05T10:00:00Z");
    dispute("D-PARTY-4", "kim", "pat", "2026-05-02T10:00:00Z");
    dispute("D-PARTY-5", "kim", "pat", "2026-05-04T10:00:00Z");
    dispute("D-PARTY-6", "kim", "sam", "2026-05-06T10:00:00Z");
  }

  @Test
  void asBuyerAndAsSellerNewestFirst() {
    assertThat(ids("pat", 100)).containsExactly("D-PARTY-3", "D-PARTY-5", "D-PARTY-2",
        "D-PARTY-4", "D-PARTY-1");
    assertThat(ids("kim", 100)).containsExactly("D-PARTY-6", "D-PARTY-5", "D-PARTY-4");
    assertThat(ids("sam", 100)).containsExactly("D-PARTY-6", "D-PARTY-3", "D-PARTY-2",
        "D-PARTY-1");
    assertThat(ids("nobody", 100)).isEmpty();
  }

  @Test
  void theNewestUpToTheLimitWhicheverSideTheyAreOn() {
    assertThat(ids("pat", 3)).containsExactly("D-PARTY-3", "D-PARTY-5", "D-PARTY-2");
    assertThat(ids("pat", 1)).containsExactly("D-PARTY-3");
  }

  private List<String> ids(String userId, int limit) {
    return records.findByParty(userId, limit).stream().map(DisputeRecord::disputeId)
        .filter(id -> id.startsWith("D-PARTY-")).toList();
  }

  private void dispute(String id, String buyer, String seller, String openedAt) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("dispute_id", id);
    row.put("order_id", "ORD-" + id);
    row.put("buyer_id", buyer);
    row.put("seller_id", seller);
    row.put("status", "CLOSED");
    row.put("reason", "DAMAGED");
    row.put("item_received", true);
    row.put("description", "test");
    row.put("requested_resolution", "FULL_REFUND");
    row.put("opened_at", Instant.parse(openedAt));
    new HistoryWriter(jdbc).dispute(row);
  }
}
