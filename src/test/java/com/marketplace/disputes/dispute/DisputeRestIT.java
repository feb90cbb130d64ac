package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.support.ApiCalls.variables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplace.disputes.support.ApiCalls;
import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.HttpTest;
import com.marketplace.disputes.support.TestOrders;
import com.marketplace.disputes.support.WebappSession;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A real dispute over HTTP, as buyer, seller, another buyer and an analyst meet it: started
 * through the engine REST API, worked through tasks and the parties' API, and kept from everyone
 * who is not a party.
 */
@HttpTest
class DisputeRestIT {

  private static final String BUYER = "rbuyer";
  private static final String OTHER_BUYER = "rotherbuyer";
  private static final String SELLER = "rseller";
  private static final String ANALYST = "ranalyst";
  private static final String MARKET = "rmarket";

  @Autowired TestRestTemplate rest;
  @Autowired ApiCalls api;
  @Autowired TestOrders orders;
  @Autowired DisputeDriver driver;

  String orderId;

  @BeforeEach
  void setUp() {
    api.user(BUYER, "buyers");
    api.user(OTHER_BUYER, "buyers");
    api.user(SELLER, "sellers");
    api.user(ANALYST, "analysts");
    api.user(MARKET, "marketplace");
    orderId = orders.eligible(BUYER, SELLER, "49.90");
  }

  private Map<String, Object> claim() {
    Map<String, Object> claim = new LinkedHashMap<>();
    claim.put("orderId", orderId);
    claim.put("reason", "DAMAGED");
    claim.put("itemReceived", true);
    claim.put("problemDetail", "DOES_NOT_WORK");
    claim.put("description", "The cable does not charge any of my devices at all.");
    claim.put("requestedResolution", "FULL_REFUND");
    return claim;
  }

  private JsonNode startAsBuyer() {
    ResponseEntity<JsonNode> started = api.call(BUYER, HttpMethod.POST,
        "/engine-rest/process-definition/key/disputeMediation/start", variables(claim()));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    driver.runAsync(started.getBody().get("id").asText());
    return started.getBody();
  }

  @Test
  void aRefusedTaskFormAnswers400InTasklistAsInTheEngineRestApi() {
    String disputeId = startAsBuyer().get("businessKey").asText();
    String taskId = api.call(SELLER, HttpMethod.GET,
        "/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + disputeId, null).getBody().get(0)
        .get("id").asText();
    Object maybe = variables(Map.of("sellerResponse", "MAYBE"));

    // What Tasklist sends when the seller submits the form.
    WebappSession tasklist = WebappSession.login(rest, SELLER, "tasklist");
    ResponseEntity<JsonNode> submitted = rest.exchange(
        "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form", HttpMethod.POST,
        new HttpEntity<>(maybe, tasklist.headers()), JsonNode.class);
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(submitted.getBody().get("message").asText())
        .contains("sellerResponse must be one of ACCEPT, COUNTER_OFFER, REJECT")
        .doesNotContain("Exception while invoking");

    ResponseEntity<JsonNode> completed = api.call(SELLER, HttpMethod.POST,
        "/engine-rest/task/" + taskId + "/complete", maybe);
    assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(completed.getBody().get("message").asText())
        .contains("sellerResponse must be one of");

    assertThat(api.call(SELLER, HttpMethod.GET, "/engine-rest/task/" + taskId, null)
        .getStatusCode()).as("the task stays open").isEqualTo(HttpStatus.OK);
  }

  @Test
  void buyerStartsADisputeAndOnlyThePartiesSeeIt() {
    JsonNode started = startAsBuyer();
    String instanceId = started.get("id").asText();
    String disputeId = started.get("businessKey").asText();
    assertThat(disputeId).startsWith("D-");

    ResponseEntity<JsonNode> own = api.call(BUYER, HttpMethod.GET,
        "/engine-rest/process-instance/" + instanceId + "/variables", null);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(own.getBody().get("buyerId").get("value").asText()).isEqualTo(BUYER);

    JsonNode sellerTasks = api.call(SELLER, HttpMethod.GET,
        "/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + disputeId, null).getBody();
    assertThat(sellerTasks).hasSize(1);
    assertThat(sellerTasks.get(0).get("taskDefinitionKey").asText()).isEqualTo("RespondToDispute");
    assertThat(sellerTasks.get(0).get("due").isNull()).isFalse();
    String taskId = sellerTasks.get(0).get("id").asText();

    assertThat(api.call(OTHER_BUYER, HttpMethod.GET,
        "/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + disputeId, null).getBody()).isEmpty();
    assertThat(api.call(OTHER_BUYER, HttpMethod.GET, "/engine-rest/task/" + taskId, null)
        .getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(api.call(OTHER_BUYER, HttpMethod.GET,
        "/engine-rest/process-instance/" + instanceId + "/variables", null).getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(api.call(OTHER_BUYER, HttpMethod.GET,
        "/engine-rest/process-instance/" + instanceId, null).getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(api.call(OTHER_BUYER, HttpMethod.GET,
        "/engine-rest/process-instance?maxResults=50&businessKey=" + disputeId, null).getBody()).isEmpty();
    assertThat(api.call(OTHER_BUYER, HttpMethod.GET, "/api/disputes/" + disputeId, null)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.call(BUYER, HttpMethod.GET, "/api/disputes/" + disputeId, null).getBody()
        .get("dispute").get("awaiting").asText()).isEqualTo("SELLER");

    assertThat(api.call(ANALYST, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
        variables(Map.of("sellerResponse", "ACCEPT"))).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.call(OTHER_BUYER, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
        variables(Map.of("sellerResponse", "ACCEPT"))).getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
  }

  @Test
  void aPartysListSaysUntilWhenAClosedDisputeCanBeAppealed() {
    JsonNode started = startAsBuyer();
    String disputeId = started.get("businessKey").asText();
    assertThat(listed(BUYER, disputeId).has("appealableUntil")).as("open").isFalse();

    String taskId = api.call(SELLER, HttpMethod.GET,
        "/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + disputeId, null).getBody()
        .get(0).get("id").asText();
    assertThat(api.call(SELLER, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
        variables(Map.of("sellerResponse", "ACCEPT"))).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    driver.runAsync(started.get("id").asText());
    JsonNode closed = listed(SELLER, disputeId);
    assertThat(Instant.parse(closed.get("appealableUntil").asText()))
        .as("the appeal window, 30 days after closure, for either party")
        .isEqualTo(Instant.parse(closed.get("closedAt").asText()).plus(Duration.ofDays(30)));
    assertThat(listed(BUYER, disputeId).get("appealableUntil"))
        .isEqualTo(closed.get("appealableUntil"));
    assertThat(api.call(OTHER_BUYER, HttpMethod.GET, "/api/disputes", null).getBody())
        .noneMatch(d -> d.get("disputeId").asText().equals(disputeId));
  }

  @Test
  void aCancelledDisputeIsNotListedAsAppealable() {
    JsonNode started = startAsBuyer();
    String disputeId = started.get("businessKey").asText();
    assertThat(api.call(BUYER, HttpMethod.POST, "/api/disputes/" + disputeId + "/cancel", null)
        .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    driver.runAsync(started.get("id").asText());
    JsonNode cancelled = listed(BUYER, disputeId);
    assertThat(cancelled.get("closureReason").asText()).isEqualTo("CANCELLED_BY_BUYER");
    assertThat(cancelled.has("appealableUntil")).isFalse();
  }

  private JsonNode listed(String user, String disputeId) {
    ResponseEntity<JsonNode> mine = api.call(user, HttpMethod.GET, "/api/disputes", null);
    assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
    for (JsonNode dispute : mine.getBody()) {
      if (dispute.get("disputeId").asText().equals(disputeId)) {
        return dispute;
      }
    }
    throw new AssertionError(disputeId + " is not in the list of " + user);
  }

  @Test
  void badStartVariablesAnswer400NamingTheFields() {
    Map<String, Object> claim = claim();
    claim.put("description", "short");
    claim.put("requestedResolution", "MONEY_BACK");
    ResponseEntity<JsonNode> refused = api.call(BUYER, HttpMethod.POST,
        "/engine-rest/process-definition/key/disputeMediation/start", variables(claim));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").asText())
        .contains("description").contains("requestedResolution");
  }

  @Test
  void taskCompletedWithBadVariablesAnswers400AndStaysOpen() {
    String disputeId = startAsBuyer().get("businessKey").asText();
    String taskId = api.call(SELLER, HttpMethod.GET,
        "/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + disputeId, null).getBody()
        .get(0).get("id").asText();
    ResponseEntity<JsonNode> refused = api.call(SELLER, HttpMethod.POST,
        "/engine-rest/task/" + taskId + "/complete", variables(Map.of("sellerResponse", "REJECT")));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").asText()).contains("sellerComment");
    assertThat(api.call(SELLER, HttpMethod.GET, "/engine-rest/task/" + taskId, null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void marketplaceStartsForABuyerAndABuyerCannotStartForAnother() {
    Map<String, Object> forBuyer = claim();
    forBuyer.put("buyerId", BUYER);
    ResponseEntity<JsonNode> started = api.call(MARKET, HttpMethod.POST,
        "/engine-rest/process-definition/key/disputeMediation/start", variables(forBuyer));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    driver.runAsync(started.getBody().get("id").asText());
    assertThat(api.call(BUYER, HttpMethod.GET, "/api/disputes/" + started.getBody().get("businessKey")
        .asText(), null).getStatusCode()).isEqualTo(HttpStatus.OK);

    Map<String, Object> forOther = claim();
    forOther.put("buyerId", BUYER);
    assertThat(api.call(OTHER_BUYER, HttpMethod.POST,
        "/engine-rest/process-definition/key/disputeMediation/start", variables(forOther))
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void partiesEscalateThroughTheirApiAndLateMovesAreRefused() {
    JsonNode started = startAsBuyer();
    String disputeId = started.get("businessKey").asText();
    assertThat(api.call(OTHER_BUYER, HttpMethod.POST, "/api/disputes/" + disputeId + "/cancel", null)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.call(SELLER, HttpMethod.POST, "/api/disputes/" + disputeId + "/cancel", null)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(api.call(SELLER, HttpMethod.POST, "/api/disputes/" + disputeId + "/escalate", null)
        .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    driver.runAsync(started.get("id").asText());
    JsonNode dispute = api.call(BUYER, HttpMethod.GET, "/api/disputes/" + disputeId, null).getBody();
    assertThat(dispute.get("dispute").get("status").asText()).isEqualTo("IN_MEDIATION");
    assertThat(dispute.get("dispute").get("escalationReason").asText())
        .isEqualTo("SELLER_REQUESTED");

    ResponseEntity<JsonNode> late = api.call(BUYER, HttpMethod.POST,
        "/api/disputes/" + disputeId + "/cancel", null);
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(late.getBody().get("detail").asText()).contains("with the platform now",
        "Provide evidence when the mediator asks");
    assertThat(late.getBody().get("disputeStatus").asText()).isEqualTo("IN_MEDIATION");
  }

  @Test
  void anonymousAndWrongPasswordAreRefused() {
    assertThat(api.call(null, HttpMethod.GET, "/engine-rest/task", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(api.call(null, HttpMethod.GET, "/api/disputes", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("rwrongpassword", "nope");
    api.user("rwrongpassword", "buyers");
    assertThat(rest.exchange("/engine-rest/task", HttpMethod.GET, new HttpEntity<>(headers),
        String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
