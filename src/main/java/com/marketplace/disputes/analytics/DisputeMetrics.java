package com.marketplace.disputes.analytics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The dispute service's Prometheus metrics. Counters and the resolution timer count what this
 * instance did (sum them over instances); the open-dispute gauges read the shared database, so
 * every instance reports the same value (take the max, not the sum).
 *
 * <p>Names as Prometheus has them: disputes_opened_total{reason}, disputes_escalated_total{reason},
 * disputes_decided_total{outcome,decision}, disputes_refunds_total{currency},
 * disputes_refunded_amount_total{currency}, disputes_resolution_duration_seconds{closure_reason}
 * (histogram), disputes_open{status}, disputes_overdue{status}.
 */
@Component
public class DisputeMetrics {

  static final List<String> CLOSURE_REASONS = List.of("AGREEMENT", "PLATFORM_DECISION",
      "BUYER_NO_RESPONSE", "CANCELLED_BY_BUYER");

  /** Bucket bounds for time to resolution: disputes live for days, not milliseconds. */
  private static final Duration[] RESOLUTION_BUCKETS = {
      Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(2),
      Duration.ofDays(3), Duration.ofDays(5), Duration.ofDays(7), Duration.ofDays(10),
      Duration.ofDays(15), Duration.ofDays(20), Duration.ofDays(30), Duration.ofDays(45),
      Duration.ofDays(60), Duration.ofDays(90)};

  private final MeterRegistry registry;

  /** Registers every meter at once: the engine may count a dispute before the context is ready. */
  public DisputeMetrics(MeterRegistry registry, OpenDisputes openDisputes) {
    this.registry = registry;
    // Known label values start at zero, so a rate over them exists before the first event.
    AnalyticsQueries.REASONS.forEach(reason -> opened(reason, 0));
    AnalyticsQueries.ESCALATION_REASONS.forEach(reason -> escalated(reason, 0));
    AnalyticsQueries.DECISION_OUTCOMES.keySet().forEach(decision -> decided(decision, 0));
    CLOSURE_REASONS.forEach(this::resolutionTimer);
    for (String status : statusesWithOther()) {
      Gauge.builder("disputes.open", openDisputes, open -> open.open(status))
          .description("Disputes open now, by status (the same in every instance)")
          .tag("status", status)
          .register(registry);
      Gauge.builder("disputes.overdue", openDisputes, open -> open.overdue(status))
          .description("Open disputes whose current step is past its due date, by status")
          .tag("status", status)
          .register(registry);
    }
  }

  public void opened(String reason) {
    opened(reason, 1);
  }

  public void escalated(String reason) {
    escalated(reason, 1);
  }

  public void decided(String decision) {
    decided(decision, 1);
  }

  public void refunded(String currency, int refunds, BigDecimal amount) {
    Counter.builder("disputes.refunds")
        .description("Refund payments made")
        .tag("currency", currency)
        .register(registry).increment(refunds);
    Counter.builder("disputes.refunded.amount")
        .description("Money refunded, in the currency's units")
        .tag("currency", currency)
        .register(registry).increment(amount.doubleValue());
  }

  public void closed(String closureReason, Duration sinceOpened) {
    resolutionTimer(closureReason).record(sinceOpened);
  }

  private void opened(String reason, double amount) {
    Counter.builder("disputes.opened")
        .description("Disputes opened (eligible requests), by claim reason")
        .tag("reason", reason)
        .register(registry).increment(amount);
  }

  private void escalated(String reason, double amount) {
    Counter.builder("disputes.escalated")
        .description("Disputes escalated to the platform, by escalation reason")
        .tag("reason", reason)
        .register(registry).increment(amount);
  }

  private void decided(String decision, double amount) {
    Counter.builder("disputes.decided")
        .description("Final platform decisions, by who won and by decision")
        .tag("outcome", AnalyticsQueries.DECISION_OUTCOMES.getOrDefault(decision, "OTHER"))
        .tag("decision", decision)
        .register(registry).increment(amount);
  }

  private Timer resolutionTimer(String closureReason) {
    return Timer.builder("disputes.resolution.duration")
        .description("Time from opening to closure, by closure reason")
        .tag("closure_reason", closureReason)
        .serviceLevelObjectives(RESOLUTION_BUCKETS)
        .register(registry);
  }

  private static List<String> statusesWithOther() {
    List<String> statuses = new ArrayList<>(OpenDisputes.STATUSES);
    statuses.add(OpenDisputes.OTHER);
    return statuses;
  }
}
