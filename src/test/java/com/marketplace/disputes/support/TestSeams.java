package com.marketplace.disputes.support;

import com.marketplace.disputes.refund.LedgerPaymentGateway;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The beans tests put into the application, the same in every test context so that the classes
 * share one context instead of each booting its own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSeams {

  @Bean
  @Primary
  LosingPaymentGateway losingPaymentGateway(LedgerPaymentGateway ledger) {
    return new LosingPaymentGateway(ledger);
  }
}
