package com.marketplace.disputes.demo;

import com.marketplace.disputes.analytics.SettledDays;
import com.marketplace.disputes.config.StartupOrder;
import com.marketplace.disputes.kernel.AppClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: ninety days of made-up dispute history for ten fictional shops
 * ({@link HistoryGenerator#DEMO_SHOPS}), so the analytics dashboard has something to show.
 * Written once, as records only: the shops and shoppers are not users, and disputes still in
 * flight today cannot be worked in Tasklist.
 */
@Component
@Profile("demo")
public class DemoHistory {

  private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
  private static final int DAYS = 90;
  private static final long SEED = 20260301L;

  private final JdbcClient jdbc;
  private final SettledDays settledDays;

  public DemoHistory(JdbcClient jdbc, SettledDays settledDays) {
    this.jdbc = jdbc;
    this.settledDays = settledDays;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(StartupOrder.DEMO_DISPUTES + 100)
  @Transactional
  public void createOnce() {
    long existing = jdbc.sql("select count(*) from market_order where order_id like :prefix")
        .param("prefix", HistoryGenerator.ORDER_PREFIX + "%").query(Long.class).single();
    if (existing > 0) {
      return;
    }
    HistoryGenerator generator = new HistoryGenerator(new HistoryWriter(jdbc), SEED);
    int disputes = generator.generate(HistoryGenerator.DEMO_SHOPS, DAYS, AppClock.now());
    // Each made-up decision names the policy rule its decision and claim point to, so that the
    // dashboard's decisions by rule have something to show.
    jdbc.sql("""
        insert into decision_rule (decision_id, dispute_id, rule_id, decision, decided_at)
        select dispute_id, dispute_id, case
            when decision = 'REJECT_CLAIM' and reason = 'NOT_RECEIVED'
              then 'INR_DELIVERY_CONFIRMED'
            when decision = 'REJECT_CLAIM' then 'CLAIM_UNSUPPORTED'
            when decision = 'PARTIAL_REFUND' and reason = 'QUANTITY_PROBLEM' then 'QUANTITY_SHORT'
            when decision = 'PARTIAL_REFUND' then 'MINOR_DEFECT_PARTIAL'
            when reason = 'NOT_RECEIVED' then 'INR_NO_DELIVERY_PROOF'
            when reason = 'DAMAGED' then 'DAMAGED_IN_TRANSIT'
            when decision = 'RETURN_AND_REFUND' then 'SNAD_RETURN_REFUND'
            else 'SELLER_UNRESPONSIVE' end,
          decision, decided_at
        from dispute
        where order_id like :prefix and decided_at is not null
          and decision in ('FULL_REFUND', 'PARTIAL_REFUND', 'RETURN_AND_REFUND', 'REJECT_CLAIM')""")
        .param("prefix", HistoryGenerator.ORDER_PREFIX + "%").update();
    // A figure asked for while this ran may have settled some of these days without them.
    settledDays.forget();
    log.info("Demo dispute history for the analytics dashboard: {} disputes", disputes);
  }
}
