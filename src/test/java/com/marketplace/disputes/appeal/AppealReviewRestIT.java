package com.marketplace.disputes.appeal;

import static com.marketplace.disputes.support.ApiCalls.variables;
import static com.marketplace.disputes.support.DisputeDriver.claim;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplace.disputes.identity.TasklistFilters;
import com.marketplace.disputes.support.ApiCalls;
import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.HttpTest;
import com.marketplace.disputes.support.TestOrders;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An appeal over HTTP, as the parties and the platform's people meet it. The mediator who decided
 * the dispute is also a senior mediator, and the engine itself keeps them away from its appeal:
 * they do not see the review, cannot claim or complete it, and nobody can assign it to them.
 */
@HttpTest
class AppealReviewRestIT {

  private static final String BUYER = "apbuyer";
  private static final String SELLER = "apseller";
  private static final String STRANGER = "apstranger";
  /** Decides the dispute, and is a senior mediator too. */
  private static final String DECIDER = "apdecider";
  private static final String REVIEWER = "apreviewer";
  private static final String ADMIN = "apadmin";

  @Autowired ApiCalls api;
  @Autowired TaskService taskService;
  @Autowired TestOrders orders;
  @Autowired DisputeDriver driver;
  @Autowired JdbcClient jdbc;

  String orderId;

  @BeforeEach
  void setUp() {
    api.user(BUYER, "buyers");
    api.user(SELLER, "sellers");
    api.user(STRANGER, "buyers");
    api.user(DECIDER, "mediators", "senior-mediators");
    api.user(REVIEWER, "senior-mediators");
    api.user(ADMIN, "camunda-admin");
    orderId = orders.eligible(BUYER, SELLER, "49.90");
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  /** The seller stays silent, and DECIDER claims and decides the dispute in the mediation queue. */
  private String disputeRejectedByTheDecider() {
    ProcessInstance dispute = driver.start(claim(orderId, BUYER));
    driver.fireTimer(dispute.getId(), "SellerResponseDeadline");
    String taskId = driver.task(dispute.getId(), "DecideDispute").getId();
    assertThat(api.call(DECIDER, HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim",
        Map.of("userId", DECIDER)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(api.call(DECIDER, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
        variables(Map.of("platformDecision", "REJECT_CLAIM", "decisionRules", "CLAIM_UNSUPPORTED",
            "decisionRationale", "The carrier scanned the parcel at the buyer's door.")))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    driver.runAsync(dispute.getId());
    String disputeId = (String) driver.variables(dispute.getId()).get("disputeId");
    assertThat(jdbc.sql("select decided_by from dispute where dispute_id = ?").param(disputeId)
        .query(String.class).single()).isEqualTo(DECIDER);
    return disputeId;
  }

  private JsonNode appealAs(String user, String disputeId) {
    ResponseEntity<JsonNode> started = api.call(user, HttpMethod.POST,
        "/engine-rest/process-definition/key/appealTicket/start", variables(Map.of(
            "disputeId", disputeId,
            "appealStatement", "The carrier has since confirmed in writing that the parcel was lost.")));
    assertThat(started.getStatusCode()).as(started.toString()).isEqualTo(HttpStatus.OK);
    driver.runAsync(started.getBody().get("id").asText());
    return started.getBody();
  }

  @Test
  void theDecidingMediatorCannotReviewTheAppealAndAnotherSeniorOverturnsIt() {
    String disputeId = disputeRejectedByTheDecider();
    JsonNode appeal = appealAs(BUYER, disputeId);
    String appealId = appeal.get("businessKey").asText();
    assertThat(appealId).startsWith("A-");
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(appealId)
        .taskDefinitionKey("ReviewAppeal").singleResult().getId();

    assertThat(api.call(DECIDER, HttpMethod.GET,
        "/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + appealId, null).getBody())
        .as("the decider does not even see the review").isEmpty();
    String queue = api.call(DECIDER, HttpMethod.GET, "/engine-rest/filter?maxResults=10&name="
        + TasklistFilters.APPEALS, null).getBody().get(0).get("id").asText();
    assertThat(ids(api.call(DECIDER, HttpMethod.GET, "/engine-rest/filter/" + queue
        + "/list?maxResults=100", null).getBody())).doesNotContain(taskId);
    assertThat(api.call(DECIDER, HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim",
        Map.of("userId", DECIDER)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.call(DECIDER, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
        variables(Map.of("appealDecision", "UPHOLD",
            "decisionRules", "APPEAL_NOTHING_NEW", "appealRationale", "I was right.")))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(ids(api.call(REVIEWER, HttpMethod.GET, "/engine-rest/filter/" + queue
        + "/list?maxResults=100", null).getBody())).contains(taskId);
    ResponseEntity<JsonNode> handedOver = api.call(REVIEWER, HttpMethod.POST,
        "/engine-rest/task/" + taskId + "/assignee", Map.of("userId", DECIDER));
    assertThat(handedOver.getStatusCode()).as("staff claim, never assign")
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> byAdmin = api.call(ADMIN, HttpMethod.POST,
        "/engine-rest/task/" + taskId + "/assignee", Map.of("userId", DECIDER));
    assertThat(byAdmin.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(byAdmin.getBody().get("message").asText()).contains("decided this dispute");
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();

    JsonNode reviewerView = api.call(REVIEWER, HttpMethod.GET, "/api/appeals/" + appealId, null)
        .getBody();
    assertThat(reviewerView.get("appeal").get("statement").asText()).contains("lost");
    assertThat(reviewerView.get("dispute").get("decisionRationale").asText()).contains("door");
    assertThat(reviewerView.get("timeline").findValuesAsText("eventType"))
        .contains("REQUESTED", "DECIDED", "APPEAL_FILED");

    assertThat(api.call(REVIEWER, HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim",
        Map.of("userId", REVIEWER)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(api.call(REVIEWER, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
        variables(Map.of("appealDecision", "OVERTURN",
            "decisionRules", "APPEAL_NEW_EVIDENCE", "resolution", "FULL_REFUND",
            "appealRationale", "The carrier's letter shows the parcel was lost in transit.")))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    driver.runAsync(appeal.get("id").asText());

    assertThat(jdbc.sql("select amount from payment_ledger where order_id = ?").param(orderId)
        .query(BigDecimal.class).list()).containsExactly(new BigDecimal("49.90"));
    JsonNode dispute = api.call(BUYER, HttpMethod.GET, "/api/disputes/" + disputeId, null).getBody();
    assertThat(dispute.get("dispute").get("appealOutcome").asText()).isEqualTo("OVERTURNED");
    assertThat(dispute.get("dispute").get("resolution").asText()).isEqualTo("FULL_REFUND");
    assertThat(dispute.get("timeline").findValuesAsText("eventType"))
        .contains("APPEAL_FILED", "APPEAL_OVERTURNED", "REFUND_ISSUED");
  }

  @Test
  void bothPartiesFollowTheAppealAndNobodyElse() {
    String disputeId = disputeRejectedByTheDecider();
    JsonNode appeal = appealAs(SELLER, disputeId);
    String instanceId = appeal.get("id").asText();
    String appealId = appeal.get("businessKey").asText();

    for (String party : List.of(BUYER, SELLER)) {
      assertThat(api.call(party, HttpMethod.GET, "/engine-rest/process-instance/" + instanceId
          + "/variables", null).getStatusCode()).as(party).isEqualTo(HttpStatus.OK);
      assertThat(api.call(party, HttpMethod.GET, "/api/appeals/" + appealId, null).getStatusCode())
          .as(party).isEqualTo(HttpStatus.OK);
    }
    assertThat(api.call(STRANGER, HttpMethod.GET, "/engine-rest/process-instance/" + instanceId
        + "/variables", null).getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(api.call(STRANGER, HttpMethod.GET, "/api/appeals/" + appealId, null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aRefusedAppealEndsAtOnceAndTellsTheAppellantWhy() {
    String disputeId = disputeRejectedByTheDecider();
    JsonNode refused = appealAs(STRANGER, disputeId);
    assertThat(refused.get("ended").asBoolean()).isTrue();
    JsonNode reason = api.call(STRANGER, HttpMethod.GET,
        "/engine-rest/history/variable-instance?maxResults=10&variableName=appealRejectedReason"
            + "&processInstanceId=" + refused.get("id").asText(), null).getBody();
    assertThat(reason.findValuesAsText("value")).containsExactly("NOT_A_PARTY");
    JsonNode own = api.call(STRANGER, HttpMethod.GET,
        "/api/appeals/" + refused.get("businessKey").asText(), null).getBody();
    assertThat(own.get("appeal").get("rejectedReason").asText()).isEqualTo("NOT_A_PARTY");
    assertThat(own.has("dispute")).as("nothing of a dispute that is not theirs").isFalse();

    ResponseEntity<JsonNode> bad = api.call(BUYER, HttpMethod.POST,
        "/engine-rest/process-definition/key/appealTicket/start",
        variables(Map.of("disputeId", disputeId, "appealStatement", "Unfair.")));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("message").asText()).contains("appealStatement");
  }
}
