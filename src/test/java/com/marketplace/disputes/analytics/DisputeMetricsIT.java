package com.marketplace.disputes.analytics;

import static com.marketplace.disputes.support.DisputeDriver.claim;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketplace.disputes.identity.PlatformGroups;
import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.HttpTest;
import com.marketplace.disputes.support.TestOrders;
import com.marketplace.disputes.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The Prometheus endpoint after disputes driven through the real processes: the output parses,
 * and the dispute counters and gauges moved by exactly what the disputes did (other classes of
 * the same Spring context have moved them before).
 */
// Scrapes without a snapshot cache and the Prometheus endpoint on: set in HttpTest.
@HttpTest
class DisputeMetricsIT {

  private static final String ANALYST = "metanalyst";
  private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired DisputeDriver driver;
  @Autowired TestOrders orders;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void prometheusCarriesTheDisputeCountersAndTheEngineFigures() {
    new TestUsers(identityService).user(ANALYST, PlatformGroups.ANALYSTS);
    ClockUtil.setCurrentTime(Date.from(START));
    PrometheusText before = scrape();

    // Accepted by the seller three days after opening: full refund of 49.90, agreement.
    ProcessInstance accepted = open("NOT_RECEIVED", "49.90");
    ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(3))));
    driver.complete(accepted.getId(), "RespondToDispute", Map.of("sellerResponse", "ACCEPT"));

    // The seller stays silent: automatic escalation, then a partial refund of 20.00.
    ProcessInstance silent = open("DAMAGED", "80.00");
    driver.fireTimer(silent.getId(), "SellerResponseDeadline");
    driver.complete(silent.getId(), "DecideDispute", Map.of("platformDecision", "PARTIAL_REFUND",
        "decisionRules", "MINOR_DEFECT_PARTIAL",
        "decisionAmount", "20.00", "decisionRationale", "The seller never answered the claim."));

    // Rejected, the buyer escalates, the claim is rejected: nothing refunded.
    ProcessInstance rejected = open("NOT_RECEIVED", "15.00");
    driver.complete(rejected.getId(), "RespondToDispute", Map.of("sellerResponse", "REJECT",
        "sellerComment", "Tracking shows the parcel was delivered."));
    driver.complete(rejected.getId(), "ReviewSellerResponse", Map.of("buyerDecision", "ESCALATE"));
    driver.complete(rejected.getId(), "DecideDispute", Map.of("platformDecision", "REJECT_CLAIM",
        "decisionRules", "CLAIM_UNSUPPORTED",
        "decisionRationale", "Delivery is confirmed by the carrier's photo."));

    // Cancelled by the buyer; and one left waiting for the seller.
    ProcessInstance cancelled = open("NOT_RECEIVED", "12.00");
    driver.correlate(disputeId(cancelled), "DisputeCancelled", Map.of());
    driver.runAsync(cancelled.getId());
    open("NOT_RECEIVED", "9.00");

    PrometheusText after = scrape();
    assertThat(increase(before, after, "disputes_opened_total", "reason", "NOT_RECEIVED"))
        .isEqualTo(4.0);
    assertThat(increase(before, after, "disputes_opened_total", "reason", "DAMAGED"))
        .isEqualTo(1.0);
    assertThat(increase(before, after, "disputes_escalated_total", "reason", "SELLER_NO_RESPONSE"))
        .isEqualTo(1.0);
    assertThat(increase(before, after, "disputes_escalated_total", "reason", "BUYER_REQUESTED"))
        .isEqualTo(1.0);
    assertThat(increase(before, after, "disputes_escalated_total", "reason", "SELLER_REQUESTED"))
        .isZero();
    assertThat(increase(before, after, "disputes_decided_total", "outcome", "PARTIAL",
        "decision", "PARTIAL_REFUND")).isEqualTo(1.0);
    assertThat(increase(before, after, "disputes_decided_total", "outcome", "SELLER_WON",
        "decision", "REJECT_CLAIM")).isEqualTo(1.0);
    assertThat(increase(before, after, "disputes_decided_total", "outcome", "BUYER_WON"))
        .isZero();
    assertThat(increase(before, after, "disputes_refunds_total", "currency", "USD"))
        .isEqualTo(2.0);
    assertThat(increase(before, after, "disputes_refunded_amount_total", "currency", "USD"))
        .isEqualTo(69.90, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(increase(before, after, "disputes_resolution_duration_seconds_count",
        "closure_reason", "AGREEMENT")).isEqualTo(1.0);
    assertThat(increase(before, after, "disputes_resolution_duration_seconds_sum",
        "closure_reason", "AGREEMENT")).isEqualTo(Duration.ofDays(3).toSeconds());
    assertThat(increase(before, after, "disputes_resolution_duration_seconds_bucket",
        "closure_reason", "AGREEMENT", "le", "259200.0")).isEqualTo(1.0);
    assertThat(increase(before, after, "disputes_resolution_duration_seconds_bucket",
        "closure_reason", "AGREEMENT", "le", "172800.0")).isZero();
    assertThat(increase(before, after, "disputes_resolution_duration_seconds_count",
        "closure_reason", "PLATFORM_DECISION")).isEqualTo(2.0);
    assertThat(increase(before, after, "disputes_resolution_duration_seconds_count",
        "closure_reason", "CANCELLED_BY_BUYER")).isEqualTo(1.0);
    assertThat(after.type("disputes_resolution_duration_seconds")).isEqualTo("histogram");
    assertThat(after.type("disputes_opened_total")).isEqualTo("counter");

    assertThat(increase(before, after, "disputes_open", "status", "AWAITING_SELLER"))
        .isEqualTo(1.0);
    assertThat(increase(before, after, "disputes_open", "status", "IN_MEDIATION")).isZero();
    assertThat(increase(before, after, "disputes_overdue", "status", "AWAITING_SELLER")).isZero();
    assertThat(after.type("disputes_open")).isEqualTo("gauge");

    assertThat(after.value("camunda_process_instances_started_total")).isGreaterThanOrEqualTo(5.0);
    assertThat(after.value("camunda_activity_instances_started_total")).isPositive();
    assertThat(increase(before, after, "camunda_incidents_open", "type", "failedJob")).isZero();
    assertThat(after.value("camunda_job_executions_total", "result", "successful")).isNotNull();
  }

  @Test
  void onlyAnalystsAndAdminsScrape() {
    new TestUsers(identityService).user("metbuyer", PlatformGroups.BUYERS);
    assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("metbuyer", TestUsers.PASSWORD)
        .getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private ProcessInstance open(String reason, String amount) {
    String orderId = orders.eligible("metbuyer", "metseller", amount);
    Map<String, Object> vars = claim(orderId, "metbuyer");
    vars.put("reason", reason);
    if (!"NOT_RECEIVED".equals(reason)) {
      vars.put("itemReceived", true);
      vars.put("problemDetail", "DOES_NOT_WORK");
    }
    return driver.start(vars);
  }

  private String disputeId(ProcessInstance pi) {
    return (String) driver.variables(pi.getId()).get("disputeId");
  }

  private PrometheusText scrape() {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(ANALYST, TestUsers.PASSWORD);
    headers.set(HttpHeaders.ACCEPT, "text/plain");
    ResponseEntity<String> response = rest.exchange("/actuator/prometheus", HttpMethod.GET,
        new HttpEntity<>(headers), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return PrometheusText.parse(response.getBody());
  }

  private static double increase(PrometheusText before, PrometheusText after, String name,
      String... labels) {
    Double then = before.value(name, labels);
    Double now = after.value(name, labels);
    assertThat(now).as(name + " " + String.join(",", labels)).isNotNull();
    return now - (then == null ? 0 : then);
  }
}
