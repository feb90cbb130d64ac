package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.support.ApiCalls.variables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplace.disputes.support.ApiCalls;
import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.HttpTest;
import com.marketplace.disputes.support.TestOrders;
import com.marketplace.disputes.support.TestUsers;
import com.marketplace.disputes.support.WebappSession;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The moves of issue 16 over HTTP, honest and hostile: the eligibility check before opening, an
 * escalation with its reason, the limit on claim changes, and the refusals that say why.
 */
@HttpTest
class PartyMovesIT {

  private static final String BUYER = "mvbuyer";
  private static final String GERMAN_BUYER = "mvkaeufer";
  private static final String STRANGER = "mvstranger";
  private static final String SELLER = "mvseller";
  private static final String ANALYST = "mvanalyst";
  private static final String MEDIATOR = "mvmediator";

  @Autowired ApiCalls api;
  @Autowired TestRestTemplate rest;
  @Autowired TestOrders orders;
  @Autowired DisputeDriver driver;
  @Autowired IdentityService identityService;

  String orderId;

  @BeforeEach
  void setUp() {
    api.user(BUYER, "buyers");
    api.user(GERMAN_BUYER, "buyers");
    identityService.setUserInfo(GERMAN_BUYER, "locale", "de");
    api.user(STRANGER, "buyers");
    api.user(SELLER, "sellers");
    api.user(ANALYST, "analysts");
    api.user(MEDIATOR, "mediators");
    orderId = orders.eligible(BUYER, SELLER, "49.90");
  }

  private JsonNode eligibility(String user, String order) {
    ResponseEntity<JsonNode> answer =
        api.call(user, HttpMethod.GET, "/api/orders/" + order + "/eligibility", null);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private String open() {
    Map<String, Object> claim = new LinkedHashMap<>();
    claim.put("orderId", orderId);
    claim.put("reason", "DAMAGED");
    claim.put("itemReceived", true);
    claim.put("problemDetail", "DOES_NOT_WORK");
    claim.put("description", "The cable does not charge any of my devices at all.");
    claim.put("requestedResolution", "FULL_REFUND");
    ResponseEntity<JsonNode> started = api.call(BUYER, HttpMethod.POST,
        "/engine-rest/process-definition/key/disputeMediation/start", variables(claim));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    driver.runAsync(started.getBody().get("id").asText());
    return started.getBody().get("businessKey").asText();
  }

  @Test
  void theBuyerAndStaffAskTheDecisionBeforeOpening() {
    JsonNode eligible = eligibility(BUYER, orderId);
    assertThat(eligible.get("eligible").asBoolean()).isTrue();
    assertThat(eligible.get("reason").isNull()).isTrue();
    assertThat(eligible.get("message").asText()).contains("can be opened");

    String digital = orders.order(BUYER, SELLER, "9.99", "DIGITAL", Duration.ofDays(20),
        Duration.ofDays(40));
    JsonNode refused = eligibility(BUYER, digital);
    assertThat(refused.get("eligible").asBoolean()).isFalse();
    assertThat(refused.get("reason").asText()).isEqualTo("DIGITAL_ITEM");
    assertThat(refused.get("message").asText()).startsWith("Digital items cannot be disputed");

    String early = orders.order(GERMAN_BUYER, SELLER, "15.00", "PHYSICAL", Duration.ofDays(3),
        Duration.ofDays(57));
    JsonNode tooEarly = eligibility(GERMAN_BUYER, early);
    assertThat(tooEarly.get("reason").asText()).isEqualTo("TOO_EARLY");
    assertThat(tooEarly.get("message").asText()).startsWith("Zu früh");

    assertThat(eligibility(ANALYST, digital).get("reason").asText()).isEqualTo("DIGITAL_ITEM");
    assertThat(eligibility(MEDIATOR, orderId).get("eligible").asBoolean()).isTrue();
  }

  @Test
  void theAnswerFollowsTheRecordsNotTheCaller() {
    open();
    JsonNode again = eligibility(BUYER, orderId);
    assertThat(again.get("eligible").asBoolean()).isFalse();
    assertThat(again.get("reason").asText()).isEqualTo("DISPUTE_EXISTS");
  }

  @Test
  void strangersAndTheSellerAreToldTheOrderDoesNotExist() {
    for (String user : new String[] {STRANGER, SELLER}) {
      ResponseEntity<JsonNode> answer =
          api.call(user, HttpMethod.GET, "/api/orders/" + orderId + "/eligibility", null);
      assertThat(answer.getStatusCode()).as(user).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(answer.getBody().toString()).doesNotContain("DISPUTE", "eligible");
    }
    assertThat(api.call(STRANGER, HttpMethod.GET, "/api/orders/ORD-NOPE-42/eligibility", null)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.call(null, HttpMethod.GET, "/api/orders/" + orderId + "/eligibility", null)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aPartyEscalatesWithAReasonAndTheMediatorSeesIt() {
    String disputeId = open();
    ResponseEntity<JsonNode> escalated = api.call(BUYER, HttpMethod.POST,
        "/api/disputes/" + disputeId + "/escalate",
        Map.of("reason", "UNFAIR_REJECTION", "comment", "The seller <b>ignores</b> the photos."));
    assertThat(escalated.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    JsonNode seen = api.call(MEDIATOR, HttpMethod.GET, "/api/disputes/" + disputeId, null)
        .getBody();
    assertThat(seen.get("dispute").get("escalationReason").asText()).isEqualTo("BUYER_REQUESTED");
    assertThat(seen.get("dispute").get("escalationRequestReason").asText())
        .isEqualTo("UNFAIR_REJECTION");
    assertThat(seen.get("dispute").get("escalationComment").asText())
        .isEqualTo("The seller <b>ignores</b> the photos.");
    assertThat(seen.get("timeline").toString()).contains("ESCALATION_REQUESTED", "UNFAIR_REJECTION");
  }

  @Test
  void anEscalationWithoutAJsonBodyStillEscalatesAndABodyThatIsNoObjectIsRefused() {
    String disputeId = open();
    HttpHeaders json = new HttpHeaders();
    json.setBasicAuth(SELLER, TestUsers.PASSWORD);
    json.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> list = rest.exchange("/api/disputes/" + disputeId + "/escalate",
        HttpMethod.POST, new HttpEntity<>("[\"STUCK\"]", json), String.class);
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(list.getBody()).contains("must be a JSON object");

    // As Tasklist's page sends it: the webapp's session and token, a plain-text body.
    WebappSession session = WebappSession.login(rest, SELLER, "tasklist");
    HttpHeaders plain = session.headers();
    plain.setContentType(MediaType.TEXT_PLAIN);
    assertThat(rest.exchange("/api/disputes/" + disputeId + "/escalate", HttpMethod.POST,
        new HttpEntity<>("x", plain), String.class).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    assertThat(api.call(BUYER, HttpMethod.GET, "/api/disputes/" + disputeId, null).getBody()
        .get("dispute").get("escalationReason").asText()).isEqualTo("SELLER_REQUESTED");
  }

  @Test
  void aBadEscalationIsRefusedAndChangesNothing() {
    String disputeId = open();
    ResponseEntity<JsonNode> unknown = api.call(SELLER, HttpMethod.POST,
        "/api/disputes/" + disputeId + "/escalate", Map.of("reason", "BORED"));
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody().get("errors").get(0).get("field").asText()).isEqualTo("reason");
    assertThat(unknown.getBody().get("detail").asText())
        .contains("SELLER_UNRESPONSIVE", "STUCK", "UNFAIR_REJECTION", "UNREASONABLE_OFFER");

    ResponseEntity<JsonNode> tooLong = api.call(SELLER, HttpMethod.POST,
        "/api/disputes/" + disputeId + "/escalate", Map.of("reason", "STUCK", "comment",
            "x".repeat(2001)));
    assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooLong.getBody().get("detail").asText())
        .contains("2000", "max-escalation-comment-length");

    assertThat(api.call(STRANGER, HttpMethod.POST, "/api/disputes/" + disputeId + "/escalate",
        Map.of("reason", "STUCK")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    JsonNode dispute = api.call(BUYER, HttpMethod.GET, "/api/disputes/" + disputeId, null)
        .getBody().get("dispute");
    assertThat(dispute.get("status").asText()).isEqualTo("AWAITING_SELLER");
    assertThat(dispute.path("escalationRequestReason").isMissingNode()
        || dispute.get("escalationRequestReason").isNull()).isTrue();
  }

  @Test
  void theClaimChangesThreeTimesThenTheLimitAnswers429() {
    String disputeId = open();
    for (int i = 1; i <= 3; i++) {
      assertThat(api.call(BUYER, HttpMethod.POST, "/api/disputes/" + disputeId + "/modify",
          Map.of("description", "Change " + i + ": the cable does not charge anything at all."))
          .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }
    ResponseEntity<JsonNode> fourth = api.call(BUYER, HttpMethod.POST,
        "/api/disputes/" + disputeId + "/modify",
        Map.of("description", "Change 4: the cable does not charge anything at all."));
    assertThat(fourth.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(fourth.getBody().get("limit").asText()).isEqualTo("disputes.policy.max-claim-changes");
    assertThat(fourth.getBody().get("detail").asText()).contains("changed 3 times");
    assertThat(api.call(BUYER, HttpMethod.GET, "/api/disputes/" + disputeId, null).getBody()
        .get("dispute").get("description").asText()).startsWith("Change 3");

    assertThat(api.call(SELLER, HttpMethod.POST, "/api/disputes/" + disputeId + "/modify",
        Map.of("description", "The seller would like to change what the buyer claims here."))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void cancelRefusalsSayWhyAndWhatIsLeft() {
    String disputeId = open();
    ResponseEntity<JsonNode> bySeller = api.call(SELLER, HttpMethod.POST,
        "/api/disputes/" + disputeId + "/cancel", null);
    assertThat(bySeller.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(bySeller.getBody().get("detail").asText())
        .contains("Only the buyer can cancel", "escalate");

    assertThat(api.call(BUYER, HttpMethod.POST, "/api/disputes/" + disputeId + "/cancel", null)
        .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    ResponseEntity<JsonNode> again = api.call(BUYER, HttpMethod.POST,
        "/api/disputes/" + disputeId + "/cancel", null);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody().get("detail").asText()).contains("is closed", "cannot be appealed");
    assertThat(again.getBody().get("disputeStatus").asText()).isEqualTo("CLOSED");
  }
}
