package com.marketplace.disputes.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplace.disputes.identity.PlatformGroups;
import com.marketplace.disputes.identity.TasklistFilters;
import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.HttpTest;
import com.marketplace.disputes.support.TestOrders;
import com.marketplace.disputes.support.TestUsers;
import com.marketplace.disputes.support.WebappSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Every attack of issue 15 on the engine, tried over HTTP with real logins as a hostile user
 * would, through the engine REST API and through the webapps' own API (session and CSRF token,
 * as Tasklist sends them). Each asserts the refusal (status, and the field or operation named)
 * and that nothing moved: no payment, the variables unchanged, the task still open, no file.
 * Next to each, the honest move of the same person still works.
 *
 * <p>What each route answers to the gate's refusals (see {@link EngineGate}): an operation the
 * caller may not use answers 403 on both; a bad answer answers 400 on both, except the plain
 * start ({@code POST …/start}) on the webapps' API, which Camunda's start resource turns into a
 * 500 with the refusal's message (the start form, {@code submit-form}, which Tasklist uses,
 * answers 400).
 */
@HttpTest
class HostileEngineIT {

  private static final String BUYER = "hbuyer";
  private static final String SELLER = "hseller";
  private static final String MEDIATOR = "hmediator";
  private static final String MARKET = "hmarket";
  private static final String ADMIN = "hadmin";
  private static final String SENIOR = "hsenior";

  /** The two ways into the engine over HTTP. */
  enum Route {
    ENGINE_REST("/engine-rest"),
    WEBAPP("/camunda/api/engine/engine/default");

    final String base;

    Route(String base) {
      this.base = base;
    }
  }

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired FilterService filterService;
  @Autowired TestOrders orders;
  @Autowired DisputeDriver driver;
  @Autowired JdbcClient jdbc;

  private final Map<String, WebappSession> sessions = new HashMap<>();

  @BeforeEach
  void setUp() {
    TestUsers users = new TestUsers(identityService);
    users.user(BUYER, PlatformGroups.BUYERS);
    users.user(SELLER, PlatformGroups.SELLERS);
    users.user(MEDIATOR, PlatformGroups.MEDIATORS);
    users.user(MARKET, PlatformGroups.MARKETPLACE);
    users.user(ADMIN, PlatformGroups.CAMUNDA_ADMIN);
  }

  // --- (a) a buyer mints a refund with start instructions -----------------------------------

  @ParameterizedTest
  @EnumSource(Route.class)
  void aBuyerCannotStartADisputeAtItsResolution(Route route) {
    String orderId = orders.eligible(BUYER, SELLER, "20.00");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("variables", withMoney(claim(orderId)));
    body.put("startInstructions", List.of(
        Map.of("type", "startBeforeActivity", "activityId", "CarryOutResolution")));

    ResponseEntity<JsonNode> minted = call(BUYER, route, HttpMethod.POST,
        "/process-definition/key/disputeMediation/start", body);

    assertThat(minted.getStatusCode()).as(minted.toString()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(message(minted)).contains("StartProcessInstanceAtActivities");
    assertNoDisputeAndNoPayment(orderId);

    assertThat(call(BUYER, route, HttpMethod.POST, "/process-definition/key/disputeMediation/start",
        variables(claim(orderId))).getStatusCode()).as("the honest start")
        .isEqualTo(HttpStatus.OK);
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void aBuyerCannotStartADisputeWithTheOutcomeAlreadyInIt(Route route) {
    String orderId = orders.eligible(BUYER, SELLER, "20.00");

    ResponseEntity<JsonNode> started = call(BUYER, route, HttpMethod.POST,
        "/process-definition/key/disputeMediation/start", Map.of("variables",
            withMoney(claim(orderId))));
    assertThat(started.getStatusCode()).as(started.toString())
        .isEqualTo(route == Route.ENGINE_REST ? HttpStatus.BAD_REQUEST
            : HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(message(started)).contains("refundAmount is not an answer of")
        .contains("resolution is not an answer of");

    ResponseEntity<JsonNode> form = call(BUYER, route, HttpMethod.POST,
        "/process-definition/key/disputeMediation/submit-form", Map.of("variables",
            withMoney(claim(orderId))));
    assertThat(form.getStatusCode()).as(form.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(form)).contains("refundAmount is not an answer of");
    assertNoDisputeAndNoPayment(orderId);

    assertThat(call(BUYER, route, HttpMethod.POST,
        "/process-definition/key/disputeMediation/submit-form", variables(claim(orderId)))
        .getStatusCode()).as("the honest start form").isEqualTo(HttpStatus.OK);
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void theMarketplaceNamesTheBuyerAndABuyerCannot(Route route) {
    String orderId = orders.eligible(BUYER, SELLER, "20.00");
    Map<String, Object> forBuyer = claim(orderId);
    forBuyer.put("buyerId", BUYER);
    if (route == Route.ENGINE_REST) {
      ResponseEntity<JsonNode> asMarket = call(MARKET, route, HttpMethod.POST,
          "/process-definition/key/disputeMediation/start", variables(forBuyer));
      assertThat(asMarket.getStatusCode()).as(asMarket.toString()).isEqualTo(HttpStatus.OK);
    }
    String otherOrder = orders.eligible(BUYER, SELLER, "20.00");
    Map<String, Object> named = claim(otherOrder);
    named.put("buyerId", BUYER);
    ResponseEntity<JsonNode> asBuyer = call(BUYER, route, HttpMethod.POST,
        "/process-definition/key/disputeMediation/submit-form", variables(named));
    assertThat(asBuyer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(asBuyer)).contains("buyerId is not an answer of");
    assertNoDisputeAndNoPayment(otherOrder);
  }

  // --- (b) a buyer rewrites the offer they accept ------------------------------------------

  @ParameterizedTest
  @EnumSource(Route.class)
  void aBuyerAcceptsTheOfferAsOfferedNotAsRewritten(Route route) {
    String orderId = orders.eligible(BUYER, SELLER, "20.00");
    ProcessInstance dispute = counterOffered(orderId);
    String task = driver.task(dispute.getId(), "ReviewSellerResponse").getId();
    Map<String, Object> rewritten = Map.of("buyerDecision", "ACCEPT_OFFER",
        "offerAmount", "99999.00");

    for (String how : List.of("/complete", "/submit-form")) {
      ResponseEntity<JsonNode> refused = call(BUYER, route, HttpMethod.POST,
          "/task/" + task + how, variables(rewritten));
      assertThat(refused.getStatusCode()).as(how + " " + refused).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(message(refused)).as(how).contains("offerAmount is not an answer of");
      assertTaskOpen(task);
      assertThat(runtimeService.getVariable(dispute.getId(), "offerAmount")).isEqualTo("17.50");
    }
    assertThat(payments(orderId)).isEmpty();

    assertThat(call(BUYER, route, HttpMethod.POST, "/task/" + task + "/submit-form",
        variables(Map.of("buyerDecision", "ACCEPT_OFFER"))).getStatusCode())
        .as("the honest answer").isEqualTo(HttpStatus.NO_CONTENT);
    driver.runAsync(dispute.getId());
    assertThat(payments(orderId)).containsExactly(new BigDecimal("17.50"));
  }

  // --- (c) a seller becomes the buyer; an assignee rewrites variables ----------------------

  @ParameterizedTest
  @EnumSource(Route.class)
  void aSellerAnswersOnlyTheirOwnQuestion(Route route) {
    String orderId = orders.eligible(BUYER, SELLER, "20.00");
    ProcessInstance dispute = driver.start(DisputeDriver.claim(orderId, BUYER));
    String task = driver.task(dispute.getId(), "RespondToDispute").getId();

    ResponseEntity<JsonNode> refused = call(SELLER, route, HttpMethod.POST,
        "/task/" + task + "/complete", variables(Map.of("sellerResponse", "ACCEPT",
            "buyerId", SELLER)));
    assertThat(refused.getStatusCode()).as(refused.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(refused)).contains("buyerId is not an answer of Respond to dispute");
    assertTaskOpen(task);
    assertThat(runtimeService.getVariable(dispute.getId(), "buyerId")).isEqualTo(BUYER);

    Map<String, Object> before = runtimeService.getVariables(dispute.getId());
    String execution = taskService.createTaskQuery().taskId(task).singleResult().getExecutionId();
    Map<String, Object> forged = Map.of("value", SELLER, "type", "String");
    List<ResponseEntity<JsonNode>> writes = new ArrayList<>();
    for (String name : List.of("buyerId", "orderAmount", "disputeId")) {
      writes.add(call(SELLER, route, HttpMethod.PUT, "/task/" + task + "/variables/" + name,
          forged));
      writes.add(call(SELLER, route, HttpMethod.PUT, "/task/" + task + "/localVariables/" + name,
          forged));
    }
    writes.add(call(SELLER, route, HttpMethod.POST, "/task/" + task + "/variables",
        Map.of("modifications", Map.of("buyerId", forged, "orderAmount", forged))));
    writes.add(call(SELLER, route, HttpMethod.DELETE, "/task/" + task + "/variables/buyerId",
        null));
    writes.add(call(SELLER, route, HttpMethod.PUT,
        "/execution/" + execution + "/localVariables/buyerId", forged));
    writes.add(call(SELLER, route, HttpMethod.POST, "/execution/" + execution + "/localVariables",
        Map.of("modifications", Map.of("buyerId", forged))));
    writes.add(call(SELLER, route, HttpMethod.PUT,
        "/process-instance/" + dispute.getId() + "/variables/buyerId", forged));
    writes.add(call(SELLER, route, HttpMethod.POST,
        "/process-instance/" + dispute.getId() + "/variables",
        Map.of("modifications", Map.of("buyerId", forged))));
    writes.add(call(BUYER, route, HttpMethod.PUT,
        "/process-instance/" + dispute.getId() + "/variables/orderAmount", forged));
    for (ResponseEntity<JsonNode> write : writes) {
      assertThat(write.getStatusCode()).as(write.toString()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(runtimeService.getVariables(dispute.getId())).isEqualTo(before);
    for (String name : List.of("buyerId", "orderAmount", "disputeId")) {
      assertThat(taskService.getVariableLocal(task, name)).as(name).isNull();
    }
    assertTaskOpen(task);

    assertThat(call(SELLER, route, HttpMethod.POST, "/task/" + task + "/complete",
        variables(Map.of("sellerResponse", "COUNTER_OFFER", "offerResolution", "PARTIAL_REFUND",
            "offerAmount", "5.00"))).getStatusCode())
        .as("the honest answer").isEqualTo(HttpStatus.NO_CONTENT);
    driver.runAsync(dispute.getId());
    assertThat(driver.task(dispute.getId(), "ReviewSellerResponse").getAssignee())
        .isEqualTo(BUYER);
  }

  // --- (d) code on the server through a query's expression ---------------------------------

  @Test
  void theExpressionPayloadRunsWhenNothingStopsIt() throws IOException {
    Path file = marker();
    taskService.createTaskQuery().or().taskAssigneeExpression(touch(file)).endOr()
        .listPage(0, 1);
    assertThat(file).as("the payload the hostile tests send is live: an unguarded engine ran it")
        .exists();
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void noExpressionInAnyQueryRunsForBuyersOrAdmins(Route route) throws IOException {
    String orderId = orders.eligible(BUYER, SELLER, "20.00");
    ProcessInstance dispute = counterOffered(orderId);
    String buyersTask = driver.task(dispute.getId(), "ReviewSellerResponse").getId();
    String myDisputes = filterService.createFilterQuery()
        .filterName(TasklistFilters.MY_DISPUTES).singleResult().getId();

    for (String user : List.of(BUYER, ADMIN)) {
      Path file = marker();
      Map<String, Object> hostile = Map.of("orQueries", List.of(
          Map.of("assigneeExpression", touch(file))));
      List<ResponseEntity<JsonNode>> refused = List.of(
          call(user, route, HttpMethod.POST, "/task?firstResult=0&maxResults=10", hostile),
          call(user, route, HttpMethod.POST, "/task/count", hostile),
          call(user, route, HttpMethod.POST, "/task?firstResult=0&maxResults=10",
              Map.of("assigneeExpression", touch(file))),
          call(user, route, HttpMethod.POST, "/filter/" + myDisputes
              + "/list?firstResult=0&maxResults=10", hostile),
          call(user, route, HttpMethod.POST, "/filter/" + myDisputes + "/count", hostile));
      for (ResponseEntity<JsonNode> answer : refused) {
        assertThat(answer.getStatusCode()).as(user + " " + answer)
            .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(answer)).contains("Expressions are");
      }
      assertThat(file).as(user + ": no code ran").doesNotExist();
    }

    assertThat(ids(call(BUYER, route, HttpMethod.POST, "/filter/" + myDisputes
        + "/list?firstResult=0&maxResults=50", Map.of())))
        .as("the saved filter, with its ${currentUser()}").contains(buyersTask);
    assertThat(ids(call(BUYER, route, HttpMethod.POST, "/task?firstResult=0&maxResults=50",
        Map.of("orQueries", List.of(Map.of("assignee", BUYER, "owner", SELLER))))))
        .as("or-queries without expressions").contains(buyersTask);
  }

  // --- (e) objects and large binaries ------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Route.class)
  void answersAreSimpleValuesNeverObjects(Route route) {
    String orderId = orders.eligible(BUYER, SELLER, "20.00");
    ProcessInstance dispute = counterOffered(orderId);
    String task = driver.task(dispute.getId(), "ReviewSellerResponse").getId();
    Map<String, Object> object = Map.of("value", "\"localhost\"", "type", "Object",
        "valueInfo", Map.of("objectTypeName", "java.net.InetAddress",
            "serializationDataFormat", "application/json"));

    ResponseEntity<JsonNode> refused = call(BUYER, route, HttpMethod.POST,
        "/task/" + task + "/complete", Map.of("variables", Map.of(
            "buyerDecision", Map.of("value", "ESCALATE"), "reason", object)));
    assertThat(refused.getStatusCode()).as(refused.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(refused)).contains("reason must be a simple value").contains("object");
    assertTaskOpen(task);

    Map<String, Object> start = new LinkedHashMap<>(withValues(claim(orders.eligible(BUYER,
        SELLER, "20.00"))));
    start.put("description", object);
    ResponseEntity<JsonNode> startForm = call(BUYER, route, HttpMethod.POST,
        "/process-definition/key/disputeMediation/submit-form", Map.of("variables", start));
    assertThat(startForm.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(startForm)).contains("description must be a simple value");

    assertThat(call(BUYER, route, HttpMethod.POST, "/task/" + task + "/complete",
        variables(Map.of("buyerDecision", "ESCALATE"))).getStatusCode())
        .as("the honest answer").isEqualTo(HttpStatus.NO_CONTENT);
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void anAssigneeCannotUploadBinaryVariables(Route route) {
    String orderId = orders.eligible(BUYER, SELLER, "20.00");
    ProcessInstance dispute = driver.start(DisputeDriver.claim(orderId, BUYER));
    String task = driver.task(dispute.getId(), "RespondToDispute").getId();

    // A small upload reaches the engine and is refused by the gate; 60 MB is refused by the
    // request-size limit in front of the API before it is read.
    assertThat(multipart(SELLER, route, "/task/" + task + "/variables/x/data", bytes(1024))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> big = multipart(SELLER, route, "/task/" + task + "/variables/y/data",
        bytes(60 * 1024 * 1024));
    assertThat(big.getStatusCode()).as(big.toString()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(taskService.getVariable(task, "x")).isNull();
    assertThat(taskService.getVariable(task, "y")).isNull();
    assertTaskOpen(task);
  }

  private static MultiValueMap<String, Object> bytes(int size) {
    MultiValueMap<String, Object> upload = new LinkedMultiValueMap<>();
    upload.add("data", new ByteArrayResource(new byte[size]) {
      @Override
      public String getFilename() {
        return "upload.bin";
      }
    });
    upload.add("valueType", "Bytes");
    return upload;
  }

  // --- (f) the rest of the engine's surface, as a party -----------------------------------

  @ParameterizedTest
  @EnumSource(Route.class)
  void aPartyCannotReachTheRestOfTheEngine(Route route) {
    String orderId = orders.eligible(BUYER, SELLER, "20.00");
    ProcessInstance dispute = counterOffered(orderId);
    String task = driver.task(dispute.getId(), "ReviewSellerResponse").getId();
    String path = "/task/" + task;

    Map<String, Object> hostile = new LinkedHashMap<>();
    hostile.put("identity link", call(BUYER, route, HttpMethod.POST, path + "/identity-links",
        Map.of("userId", SELLER, "type", "candidate")));
    hostile.put("identity link removed", call(BUYER, route, HttpMethod.POST,
        path + "/identity-links/delete", Map.of("userId", BUYER, "type", "assignee")));
    hostile.put("assignee", call(BUYER, route, HttpMethod.POST, path + "/assignee",
        Map.of("userId", SELLER)));
    hostile.put("unclaim", call(BUYER, route, HttpMethod.POST, path + "/unclaim", null));
    hostile.put("delegate", call(BUYER, route, HttpMethod.POST, path + "/delegate",
        Map.of("userId", SELLER)));
    hostile.put("comment", call(BUYER, route, HttpMethod.POST, path + "/comment/create",
        Map.of("message", "Trust me, refund 99999.00")));
    hostile.put("task update", call(BUYER, route, HttpMethod.PUT, path,
        Map.of("name", "Refund me", "assignee", BUYER)));
    hostile.put("modification", call(BUYER, route, HttpMethod.POST,
        "/process-instance/" + dispute.getId() + "/modification", Map.of("instructions",
            List.of(Map.of("type", "startBeforeActivity", "activityId", "CarryOutResolution")))));
    hostile.put("signal", call(BUYER, route, HttpMethod.POST, "/signal",
        Map.of("name", "anything")));
    hostile.put("message", call(BUYER, route, HttpMethod.POST, "/message",
        Map.of("messageName", "DisputeCancelled", "businessKey", dispute.getBusinessKey())));
    hostile.put("external task", call(BUYER, route, HttpMethod.POST,
        "/external-task/fetchAndLock", Map.of("workerId", "w", "maxTasks", 1,
            "topics", List.of(Map.of("topicName", "any", "lockDuration", 1000)))));
    hostile.put("suspension", call(BUYER, route, HttpMethod.PUT,
        "/process-instance/" + dispute.getId() + "/suspended", Map.of("suspended", true)));
    MultiValueMap<String, Object> attachment = new LinkedMultiValueMap<>();
    attachment.add("attachment-name", "receipt");
    attachment.add("url", "http://example.com/receipt");
    hostile.put("attachment", multipart(BUYER, route, path + "/attachment/create", attachment));

    SoftAssertions refused = new SoftAssertions();
    hostile.forEach((what, answer) -> refused.assertThat(((ResponseEntity<?>) answer)
        .getStatusCode()).as(what + " " + answer).isEqualTo(expected(what, route)));
    refused.assertAll();

    Task after = taskService.createTaskQuery().taskId(task).singleResult();
    assertThat(after.getAssignee()).isEqualTo(BUYER);
    assertThat(after.getName()).isEqualTo("Review seller's response");
    assertThat(taskService.getIdentityLinksForTask(task)).allMatch(link -> BUYER.equals(
        link.getUserId()));
    assertThat(taskService.getTaskComments(task)).isEmpty();
    assertThat(taskService.getTaskAttachments(task)).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(dispute.getId())
        .active().count()).isOne();
    assertThat(payments(orderId)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void mediatorsClaimAndGiveBackQueueTasksOnly(Route route) {
    String orderId = orders.eligible(BUYER, SELLER, "20.00");
    ProcessInstance dispute = counterOffered(orderId);
    String buyersTask = driver.task(dispute.getId(), "ReviewSellerResponse").getId();
    assertThat(call(MEDIATOR, route, HttpMethod.POST, "/task/" + buyersTask + "/claim",
        Map.of("userId", MEDIATOR)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    driver.complete(dispute.getId(), "ReviewSellerResponse", Map.of("buyerDecision", "ESCALATE"));
    String queueTask = driver.task(dispute.getId(), "DecideDispute").getId();
    assertThat(call(MEDIATOR, route, HttpMethod.POST, "/task/" + queueTask + "/claim",
        Map.of("userId", SELLER)).getStatusCode()).as("for someone else")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call(MEDIATOR, route, HttpMethod.POST, "/task/" + queueTask + "/claim",
        Map.of("userId", MEDIATOR)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(call(MEDIATOR, route, HttpMethod.POST, "/task/" + queueTask + "/assignee",
        Map.of("userId", SELLER)).getStatusCode()).as("handing it to a party")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call(MEDIATOR, route, HttpMethod.POST, "/task/" + queueTask + "/unclaim", null)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(queueTask).singleResult().getAssignee())
        .isNull();

    assertThat(call(MEDIATOR, route, HttpMethod.POST, "/task/" + queueTask + "/claim",
        Map.of("userId", MEDIATOR)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<JsonNode> decided = call(MEDIATOR, route, HttpMethod.POST,
        "/task/" + queueTask + "/complete", variables(Map.of("platformDecision", "FULL_REFUND",
            "decisionRules", "INR_NO_DELIVERY_PROOF",
            "decisionRationale", "The parcel never arrived.", "refundAmount", "99999.00")));
    assertThat(decided.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(decided)).contains("refundAmount is not an answer of Decide dispute");
    assertTaskOpen(queueTask);
    assertThat(call(MEDIATOR, route, HttpMethod.POST, "/task/" + queueTask + "/complete",
        variables(Map.of("platformDecision", "FULL_REFUND",
            "decisionRules", "INR_NO_DELIVERY_PROOF",
            "decisionRationale", "The parcel never arrived."))).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    driver.runAsync(dispute.getId());
    assertThat(payments(orderId)).containsExactly(new BigDecimal("20.00"));
  }

  /** Every person's task of the four processes refuses injected fields and takes its answer. */
  @Test
  void everyTaskOfEveryProcessAcceptsOnlyItsOwnAnswers() {
    new TestUsers(identityService).user(SENIOR, PlatformGroups.SENIOR_MEDIATORS);
    List<Object[]> cases = new ArrayList<>();

    ProcessInstance contact = driver.start("sellerContact",
        DisputeDriver.contact(orders.eligible(BUYER, SELLER, "20.00"), BUYER));
    cases.add(new Object[] {contact, "ReplyToBuyer", SELLER,
        Map.of("sellerMessage", "It left our warehouse yesterday.")});
    cases.add(new Object[] {contact, "ConfirmIssueResolved", BUYER,
        Map.of("issueResolved", true)});

    Map<String, Object> returnClaim = DisputeDriver.claim(orders.eligible(BUYER, SELLER, "20.00"),
        BUYER);
    returnClaim.put("requestedResolution", "RETURN_AND_REFUND");
    ProcessInstance withReturn = driver.start(returnClaim);
    driver.complete(withReturn.getId(), "RespondToDispute", Map.of("sellerResponse", "ACCEPT"));
    cases.add(new Object[] {withReturn, "ShipReturn", BUYER,
        Map.of("returnTrackingNumber", "RT123456789")});
    cases.add(new Object[] {withReturn, "ConfirmReturnReceived", SELLER, Map.of()});

    ProcessInstance evidence = driver.start(DisputeDriver.claim(
        orders.eligible(BUYER, SELLER, "20.00"), BUYER));
    driver.fireTimer(evidence.getId(), "SellerResponseDeadline");
    driver.completeAs(evidence.getId(), "DecideDispute", MEDIATOR, Map.of(
        "platformDecision", "REQUEST_EVIDENCE", "decisionRationale", "We need the label.",
        "evidenceRequestedFrom", "SELLER", "evidenceRequest", "A photo of the shipping label."));
    cases.add(new Object[] {evidence, "ProvideEvidence", SELLER,
        Map.of("evidenceNote", "Label attached to the timeline.")});

    ProcessInstance decided = driver.start(DisputeDriver.claim(
        orders.eligible(BUYER, SELLER, "20.00"), BUYER));
    driver.fireTimer(decided.getId(), "SellerResponseDeadline");
    driver.completeAs(decided.getId(), "DecideDispute", MEDIATOR, Map.of(
        "platformDecision", "REJECT_CLAIM", "decisionRules", "INR_DELIVERY_CONFIRMED",
        "decisionRationale", "Delivered, says the carrier."));
    ProcessInstance appeal = driver.start("appealTicket", DisputeDriver.appeal(
        (String) driver.variables(decided.getId()).get("disputeId"), BUYER));
    cases.add(new Object[] {appeal, "ReviewAppeal", SENIOR,
        Map.of("appealDecision", "UPHOLD",
            "decisionRules", "APPEAL_NOTHING_NEW",
            "appealRationale", "The carrier's scan stands.")});

    for (Object[] c : cases) {
      ProcessInstance instance = (ProcessInstance) c[0];
      String key = (String) c[1];
      String user = (String) c[2];
      @SuppressWarnings("unchecked")
      Map<String, Object> answer = (Map<String, Object>) c[3];
      String task = driver.task(instance.getId(), key).getId();
      if (SENIOR.equals(user)) {
        assertThat(call(user, Route.ENGINE_REST, HttpMethod.POST, "/task/" + task + "/claim",
            Map.of("userId", user)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      }
      Map<String, Object> injected = new LinkedHashMap<>(answer);
      injected.put("refundAmount", "99999.00");
      injected.put("buyerId", user);
      if (key.equals("ReviewAppeal")) {
        injected.remove("refundAmount"); // an overturn's own answer; the seller id is not
        injected.put("sellerId", user);
      }
      for (String how : List.of("/complete", "/submit-form")) {
        ResponseEntity<JsonNode> refused = call(user, Route.ENGINE_REST, HttpMethod.POST,
            "/task/" + task + how, variables(injected));
        assertThat(refused.getStatusCode()).as(key + how + " " + refused)
            .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(refused)).as(key).contains("buyerId is not an answer of");
        assertTaskOpen(task);
      }
      ResponseEntity<JsonNode> honest = call(user, Route.ENGINE_REST, HttpMethod.POST,
          "/task/" + task + "/submit-form", variables(answer));
      assertThat(honest.getStatusCode()).as(key + " honest " + honest)
          .isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(taskService.createTaskQuery().taskId(task).count()).as(key).isZero();
      driver.runAsync(instance.getId());
    }
    assertThat(driver.variables(withReturn.getId())).containsEntry("buyerId", BUYER);
  }

  @Test
  void theMarketplaceCorrelatesOnlyWhatAMessageCarries() {
    String orderId = orders.eligible(BUYER, SELLER, "20.00");
    ProcessInstance dispute = driver.start(DisputeDriver.claim(orderId, BUYER));
    String businessKey = dispute.getBusinessKey();

    ResponseEntity<JsonNode> refused = call(MARKET, Route.ENGINE_REST, HttpMethod.POST,
        "/message", Map.of("messageName", "DisputeModified", "businessKey", businessKey,
            "processVariables", Map.of("description",
                Map.of("value", "The parcel never came, and the seller stopped answering."),
                "orderAmount", Map.of("value", "99999.00"))));
    assertThat(refused.getStatusCode()).as(refused.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(refused)).contains("orderAmount is not a variable of the message");
    assertThat(runtimeService.getVariable(dispute.getId(), "orderAmount").toString())
        .isEqualTo("20.00");

    ResponseEntity<JsonNode> honest = call(MARKET, Route.ENGINE_REST, HttpMethod.POST,
        "/message", Map.of("messageName", "DisputeModified", "businessKey", businessKey,
            "processVariables", Map.of("description",
                Map.of("value", "The parcel never came, and the seller stopped answering.")),
            "resultEnabled", true));
    assertThat(honest.getStatusCode()).as(honest.toString()).isEqualTo(HttpStatus.OK);
    assertThat(call(BUYER, Route.ENGINE_REST, HttpMethod.POST, "/message",
        Map.of("messageName", "DisputeCancelled", "businessKey", businessKey)).getStatusCode())
        .as("parties move their dispute through /api/disputes").isEqualTo(HttpStatus.FORBIDDEN);
  }

  /**
   * What each route answers when the gate refuses a party: 403, except where Camunda's resource
   * answers every engine exception its own way. Comments and attachments turn any refusal into
   * 400 ("Not enough parameters submitted", "Task id is null"). The webapps' API has no
   * fetch-and-lock handler at all and answers 500 before the engine is asked.
   */
  private static HttpStatus expected(String what, Route route) {
    return switch (what) {
      case "comment", "attachment" -> HttpStatus.BAD_REQUEST;
      case "external task" -> route == Route.WEBAPP ? HttpStatus.INTERNAL_SERVER_ERROR
          : HttpStatus.FORBIDDEN;
      default -> HttpStatus.FORBIDDEN;
    };
  }

  // --- helpers -----------------------------------------------------------------------------

  /** A dispute in which the seller has offered a partial refund of 17.50: the buyer's turn. */
  private ProcessInstance counterOffered(String orderId) {
    ProcessInstance dispute = driver.start(DisputeDriver.claim(orderId, BUYER));
    driver.complete(dispute.getId(), "RespondToDispute", Map.of("sellerResponse",
        "COUNTER_OFFER", "offerResolution", "PARTIAL_REFUND", "offerAmount", "17.50"));
    return dispute;
  }

  private static Map<String, Object> claim(String orderId) {
    Map<String, Object> claim = new LinkedHashMap<>();
    claim.put("orderId", orderId);
    claim.put("reason", "NOT_RECEIVED");
    claim.put("itemReceived", false);
    claim.put("description", "The parcel never arrived; tracking stopped two weeks ago.");
    claim.put("requestedResolution", "FULL_REFUND");
    return claim;
  }

  private static Map<String, Object> withMoney(Map<String, Object> claim) {
    Map<String, Object> values = new LinkedHashMap<>(claim);
    values.put("resolution", "FULL_REFUND");
    values.put("refundAmount", "99999.00");
    return withValues(values);
  }

  private static Map<String, Object> withValues(Map<String, Object> values) {
    Map<String, Object> vars = new LinkedHashMap<>();
    values.forEach((name, value) -> vars.put(name, Map.of("value", value)));
    return vars;
  }

  private static Map<String, Object> variables(Map<String, Object> values) {
    return Map.of("variables", withValues(values));
  }

  private void assertNoDisputeAndNoPayment(String orderId) {
    assertThat(historyService.createHistoricVariableInstanceQuery().variableName("orderId")
        .list().stream().filter(v -> orderId.equals(v.getValue())).count())
        .as("no instance was started for " + orderId).isZero();
    assertThat(payments(orderId)).isEmpty();
  }

  private void assertTaskOpen(String taskId) {
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("task still open").isOne();
  }

  private List<BigDecimal> payments(String orderId) {
    return jdbc.sql("select amount from payment_ledger where order_id = ?").param(orderId)
        .query(BigDecimal.class).list();
  }

  private static Path marker() throws IOException {
    Path dir = Files.createTempDirectory("hostile");
    return dir.resolve("pwned");
  }

  /** JUEL that runs a shell command on the server: creates {@code file}. */
  private static String touch(Path file) {
    return "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
        + ".exec('touch " + file + "').waitFor() == 0 ? 'x' : 'y'}";
  }

  private static String message(ResponseEntity<JsonNode> answer) {
    JsonNode body = answer.getBody();
    return body == null || body.get("message") == null ? String.valueOf(body)
        : body.get("message").asText();
  }

  private static List<String> ids(ResponseEntity<JsonNode> answer) {
    assertThat(answer.getStatusCode()).as(answer.toString()).isEqualTo(HttpStatus.OK);
    List<String> ids = new ArrayList<>();
    answer.getBody().forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  private ResponseEntity<JsonNode> call(String user, Route route, HttpMethod method, String path,
      Object body) {
    HttpHeaders headers = headers(user, route);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange(route.base + path, method, new HttpEntity<>(body, headers),
        JsonNode.class);
  }

  /**
   * A multipart POST as a script would send it: with the header a cross-site form cannot send,
   * which a write with basic credentials needs. The answer is read as text, since a refusal in
   * front of the engine (413, 403) is not JSON.
   */
  private ResponseEntity<String> multipart(String user, Route route, String path,
      MultiValueMap<String, Object> parts) {
    HttpHeaders headers = headers(user, route);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.add("X-Requested-By", "hostile-suite");
    return rest.exchange(route.base + path, HttpMethod.POST, new HttpEntity<>(parts, headers),
        String.class);
  }

  private HttpHeaders headers(String user, Route route) {
    HttpHeaders headers = new HttpHeaders();
    if (route == Route.ENGINE_REST) {
      headers.setBasicAuth(user, TestUsers.PASSWORD);
    } else {
      WebappSession session = sessions.computeIfAbsent(user,
          u -> WebappSession.login(rest, u, "tasklist"));
      headers.add(HttpHeaders.COOKIE, session.cookies());
      headers.add("X-XSRF-TOKEN", session.token());
    }
    return headers;
  }
}
