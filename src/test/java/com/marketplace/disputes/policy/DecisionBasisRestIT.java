package com.marketplace.disputes.policy;

import static com.marketplace.disputes.support.ApiCalls.variables;
import static com.marketplace.disputes.support.DisputeDriver.claim;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplace.disputes.evidence.Evidence;
import com.marketplace.disputes.evidence.EvidenceStore;
import com.marketplace.disputes.evidence.EvidenceType;
import com.marketplace.disputes.identity.UserLanguage;
import com.marketplace.disputes.support.ApiCalls;
import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.HttpTest;
import com.marketplace.disputes.support.TestOrders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The policy catalogue and a decision's basis over HTTP: every logged-in user reads the rules in
 * their language; both parties of a decided dispute read which rules decided it, with their
 * texts, and which evidence it relied on; strangers see nothing of it; a mediator's completion
 * through the engine API that names another dispute's file is refused.
 */
@HttpTest
class DecisionBasisRestIT {

  private static final String BUYER = "pbbuyer";
  private static final String SELLER = "pbseller";
  private static final String STRANGER = "pbstranger";
  private static final String MEDIATOR = "pbmediator";
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};

  @Autowired ApiCalls api;
  @Autowired IdentityService identityService;
  @Autowired TestOrders orders;
  @Autowired DisputeDriver driver;
  @Autowired EvidenceStore store;
  @Autowired PolicyCatalogue catalogue;

  @BeforeEach
  void setUp() {
    api.user(BUYER, "buyers");
    api.user(SELLER, "sellers");
    api.user(STRANGER, "buyers");
    api.user(MEDIATOR, "mediators");
    identityService.setUserInfo(SELLER, UserLanguage.LOCALE_INFO_KEY, "de");
  }

  private static List<String> values(JsonNode list, String field) {
    List<String> values = new ArrayList<>();
    list.forEach(item -> values.add(item.get(field).asText()));
    return values;
  }

  @Test
  void everyoneLoggedInReadsTheCatalogueInTheirLanguage() {
    JsonNode english = api.call(BUYER, HttpMethod.GET, "/api/policy/rules", null).getBody();
    JsonNode german = api.call(SELLER, HttpMethod.GET, "/api/policy/rules", null).getBody();
    JsonNode asked = api.call(BUYER, HttpMethod.GET, "/api/policy/rules?lang=de", null).getBody();

    assertThat(values(english, "id")).hasSize(catalogue.all().size())
        .startsWith("INR_NO_DELIVERY_PROOF", "INR_DELIVERY_CONFIRMED");
    assertThat(english.get(0).get("title").asText()).isEqualTo("Not received, no proof of delivery");
    assertThat(english.get(0).get("text").asText()).contains("full refund");
    assertThat(values(german, "id")).isEqualTo(values(english, "id"));
    assertThat(german.get(0).get("title").asText()).isEqualTo("Nicht erhalten, kein Zustellnachweis");
    assertThat(asked).isEqualTo(german);
    assertThat(api.call(null, HttpMethod.GET, "/api/policy/rules", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void bothPartiesReadTheRulesAndTheEvidenceThatDecidedTheirDispute() {
    ProcessInstance pi = driver.start(claim(orders.eligible(BUYER, SELLER, "49.90"), BUYER));
    driver.fireTimer(pi.getId(), "SellerResponseDeadline");
    String disputeId = (String) driver.variables(pi.getId()).get("disputeId");
    Evidence photo = store.stage(BUYER, "broken-plug.png", EvidenceType.PNG, PNG, "pb-1");
    store.attach(photo.evidenceId(), disputeId, "BUYER");
    Evidence other = store.stage(STRANGER, "elsewhere.png", EvidenceType.PNG, PNG, "pb-2");
    String taskId = driver.task(pi.getId(), "DecideDispute").getId();
    assertThat(api.call(MEDIATOR, HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim",
        Map.of("userId", MEDIATOR)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    JsonNode before = api.call(BUYER, HttpMethod.GET, "/api/disputes/" + disputeId, null)
        .getBody();
    assertThat(before.get("decisions")).isEmpty();

    ResponseEntity<JsonNode> foreign = api.call(MEDIATOR, HttpMethod.POST,
        "/engine-rest/task/" + taskId + "/complete", variables(Map.of(
            "platformDecision", "FULL_REFUND", "decisionRationale", "The plug is broken.",
            "decisionRules", "[\"DEFECT_RETURN_REFUND\"]",
            "decisionEvidenceIds", photo.evidenceId() + "," + other.evidenceId())));
    assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(foreign.getBody().toString()).contains("decisionEvidenceIds names "
        + other.evidenceId() + ", which is not evidence of dispute " + disputeId);
    assertThat(api.call(MEDIATOR, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
        variables(Map.of("platformDecision", "PARTIAL_REFUND", "decisionAmount", "20.00",
            "decisionRationale", "The plug is broken; the cable still charges slowly.",
            "decisionRules", "[\"MINOR_DEFECT_PARTIAL\"]",
            "decisionEvidenceIds", "[" + photo.evidenceId() + "]")))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    driver.runAsync(pi.getId());

    JsonNode buyerView = api.call(BUYER, HttpMethod.GET, "/api/disputes/" + disputeId, null)
        .getBody();
    JsonNode decision = buyerView.get("decisions").get(0);
    assertThat(decision.get("decision").asText()).isEqualTo("PARTIAL_REFUND");
    assertThat(decision.get("stage").asText()).isEqualTo("DISPUTE");
    assertThat(values(decision.get("rules"), "id")).containsExactly("MINOR_DEFECT_PARTIAL");
    assertThat(decision.get("rules").get(0).get("title").asText())
        .isEqualTo("Minor defect, item usable");
    assertThat(decision.get("rules").get(0).get("text").asText())
        .startsWith("The item has a minor defect");
    assertThat(values(decision.get("evidence"), "fileName")).containsExactly("broken-plug.png");
    assertThat(decision.get("evidence").get(0).get("evidenceId").asLong())
        .isEqualTo(photo.evidenceId());

    JsonNode sellerView = api.call(SELLER, HttpMethod.GET, "/api/disputes/" + disputeId, null)
        .getBody().get("decisions").get(0);
    assertThat(sellerView.get("rules").get(0).get("title").asText())
        .isEqualTo("Kleiner Mangel, Artikel nutzbar");
    assertThat(sellerView.get("rules").get(0).get("text").asText())
        .startsWith("Der Artikel hat einen kleinen Mangel");
    assertThat(values(sellerView.get("evidence"), "fileName")).containsExactly("broken-plug.png");

    ResponseEntity<JsonNode> stranger = api.call(STRANGER, HttpMethod.GET,
        "/api/disputes/" + disputeId, null);
    assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(String.valueOf(stranger.getBody())).doesNotContain("MINOR_DEFECT_PARTIAL",
        "broken-plug.png");
  }
}
