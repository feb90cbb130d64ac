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
    // A figure asked for while this ran may have settled some of these days without them.
    settledDays.forget();
    log.info("Demo dispute history for the analytics dashboard: {} disputes", disputes);
  }
}
