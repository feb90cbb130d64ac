package com.marketplace.disputes.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dispute eligibility table, rule by rule and at its boundaries, on the DMN engine alone. */
class DisputeEligibilityDecisionTest {

  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = DisputeEligibilityDecisionTest.class
        .getResourceAsStream("/processes/dispute-eligibility.dmn")) {
      assertThat(dmn).as("processes/dispute-eligibility.dmn on the classpath").isNotNull();
      decision = dmnEngine.parseDecision("disputeEligibility", dmn);
    }
  }

  /** A physical order of this buyer, shipped 20 days ago, 40 days of protection left; policy defaults. */
  private static Map<String, Object> eligibleOrder() {
    Map<String, Object> facts = new HashMap<>();
    facts.put("orderFound", true);
    facts.put("orderBuyer", true);
    facts.put("existingDispute", "NONE");
    facts.put("itemType", "PHYSICAL");
    facts.put("protectionDaysLeft", 40);
    facts.put("daysSinceShipped", 20);
    facts.put("estimatedDeliveryPassed", false);
    facts.put("minDaysSinceShipping", 10);
    facts.put("minProtectionDaysLeft", 15);
    return facts;
  }

  private static DmnDecisionResultEntries evaluate(Map<String, Object> facts) {
    return dmnEngine.evaluateDecision(decision, facts).getSingleResult();
  }

  private static void assertEligible(Map<String, Object> facts) {
    DmnDecisionResultEntries result = evaluate(facts);
    assertThat((Boolean) result.getEntry("eligible")).isTrue();
    assertThat((String) result.getEntry("ineligibilityReason")).isNull();
  }

  private static void assertRefused(Map<String, Object> facts, String reason) {
    DmnDecisionResultEntries result = evaluate(facts);
    assertThat((Boolean) result.getEntry("eligible")).isFalse();
    assertThat((String) result.getEntry("ineligibilityReason")).isEqualTo(reason);
  }

  @Test
  void orderShippedLongAgoWithProtectionLeftIsEligible() {
    assertEligible(eligibleOrder());
  }

  @Test
  void unknownOrderIsRefusedWhateverElseIsMissing() {
    Map<String, Object> facts = new HashMap<>();
    facts.put("orderFound", false);
    facts.put("orderBuyer", false);
    facts.put("existingDispute", "NONE");
    facts.put("itemType", null);
    facts.put("protectionDaysLeft", null);
    facts.put("daysSinceShipped", null);
    facts.put("estimatedDeliveryPassed", false);
    facts.put("minDaysSinceShipping", 10);
    facts.put("minProtectionDaysLeft", 15);
    assertRefused(facts, "ORDER_NOT_FOUND");
  }

  @Test
  void someoneElsesOrderIsRefused() {
    Map<String, Object> facts = eligibleOrder();
    facts.put("orderBuyer", false);
    assertRefused(facts, "NOT_ORDER_BUYER");
  }

  @Test
  void openDisputeBlocksASecondOne() {
    Map<String, Object> facts = eligibleOrder();
    facts.put("existingDispute", "OPEN");
    assertRefused(facts, "DISPUTE_EXISTS");
  }

  @Test
  void cancelledDisputeCannotBeReopened() {
    Map<String, Object> facts = eligibleOrder();
    facts.put("existingDispute", "CANCELLED");
    assertRefused(facts, "DISPUTE_EXISTS");
  }

  @Test
  void digitalItemIsNotCovered() {
    Map<String, Object> facts = eligibleOrder();
    facts.put("itemType", "DIGITAL");
    assertRefused(facts, "DIGITAL_ITEM");
  }

  @Test
  void customOrderIsNotCovered() {
    Map<String, Object> facts = eligibleOrder();
    facts.put("itemType", "CUSTOM");
    assertRefused(facts, "CUSTOM_ORDER");
  }

  @Test
  void fourteenDaysOfProtectionLeftIsTooFew() {
    Map<String, Object> facts = eligibleOrder();
    facts.put("protectionDaysLeft", 14);
    assertRefused(facts, "PROTECTION_ENDING");
  }

  @Test
  void fifteenDaysOfProtectionLeftIsEnough() {
    Map<String, Object> facts = eligibleOrder();
    facts.put("protectionDaysLeft", 15);
    assertEligible(facts);
  }

  @Test
  void nineDaysAfterShippingIsTooEarly() {
    Map<String, Object> facts = eligibleOrder();
    facts.put("daysSinceShipped", 9);
    assertRefused(facts, "TOO_EARLY");
  }

  @Test
  void tenDaysAfterShippingIsLongEnough() {
    Map<String, Object> facts = eligibleOrder();
    facts.put("daysSinceShipped", 10);
    assertEligible(facts);
  }

  @Test
  void passedEstimatedDeliveryAllowsADisputeThreeDaysAfterShipping() {
    Map<String, Object> facts = eligibleOrder();
    facts.put("daysSinceShipped", 3);
    facts.put("estimatedDeliveryPassed", true);
    assertEligible(facts);
  }

  @Test
  void notShippedBeforeTheEstimatedDeliveryIsTooEarly() {
    Map<String, Object> facts = eligibleOrder();
    facts.put("daysSinceShipped", null);
    assertRefused(facts, "TOO_EARLY");
  }

  @Test
  void notShippedByTheEstimatedDeliveryIsEligible() {
    Map<String, Object> facts = eligibleOrder();
    facts.put("daysSinceShipped", null);
    facts.put("estimatedDeliveryPassed", true);
    assertEligible(facts);
  }

  @Test
  void unknownEstimatedDeliveryCountsAsNotPassed() {
    Map<String, Object> facts = eligibleOrder();
    facts.put("daysSinceShipped", 3);
    facts.put("estimatedDeliveryPassed", null);
    assertRefused(facts, "TOO_EARLY");
  }

  @Test
  void policyThresholdsComeFromTheVariablesNotTheTable() {
    Map<String, Object> facts = eligibleOrder();
    facts.put("minDaysSinceShipping", 5);
    facts.put("minProtectionDaysLeft", 30);
    facts.put("daysSinceShipped", 6);
    facts.put("protectionDaysLeft", 30);
    assertEligible(facts);

    facts.put("protectionDaysLeft", 29);
    assertRefused(facts, "PROTECTION_ENDING");
  }

  @Test
  void existingDisputeOutranksTheItemType() {
    Map<String, Object> facts = eligibleOrder();
    facts.put("itemType", "DIGITAL");
    facts.put("existingDispute", "OPEN");
    assertRefused(facts, "DISPUTE_EXISTS");
  }

  @Test
  void endingProtectionOutranksTooEarly() {
    Map<String, Object> facts = eligibleOrder();
    facts.put("protectionDaysLeft", 5);
    facts.put("daysSinceShipped", 2);
    assertRefused(facts, "PROTECTION_ENDING");
  }
}
