package com.marketplace.disputes.contact;

import static com.marketplace.disputes.support.DisputeDriver.contact;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.ProcessTest;
import com.marketplace.disputes.support.TestOrders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of sellerContact, driven as buyer, seller and clock would drive it. */
@ProcessTest
class SellerContactProcessTest {

  private static final String SELLER_MESSAGE = "Sorry for the delay: I have asked the carrier to trace it.";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired DisputeDriver driver;
  @Autowired TestOrders orders;
  @Autowired JdbcClient jdbc;

  String orderId;

  @BeforeEach
  void setUp() {
    init(engine);
    orderId = orders.eligible("buyer1", "seller1", "49.90");
  }

  private ProcessInstance startContact() {
    ProcessInstance pi = driver.start("sellerContact", contact(orderId, "buyer1"));
    assertThat(pi).isWaitingAt("ReplyToBuyer");
    return pi;
  }

  private String contactId(ProcessInstance pi) {
    return (String) driver.variables(pi.getId()).get("contactId");
  }

  private Map<String, Object> contactRow(ProcessInstance pi) {
    return jdbc.sql("select * from contact where contact_id = ?").param(contactId(pi)).query()
        .singleRow();
  }

  private List<Map<String, Object>> conversation(ProcessInstance pi) {
    return jdbc.sql("""
        select message_no, author_id, author_role, body from contact_message
        where contact_id = ? order by message_no""").param(contactId(pi)).query().listOfRows();
  }

  /** The notices the contact sent: "NOTICE recipient ROLE", in the order they were written. */
  private List<String> notices(ProcessInstance pi) {
    return jdbc.sql("""
        select notice, recipient_id, recipient_role from notice_outbox where business_key = ?
        order by created_at, notice""").param(contactId(pi)).query((rs, i) ->
        rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list();
  }

  private void post(ProcessInstance pi, String author, String message) {
    runtimeService.createMessageCorrelation("ContactMessagePosted")
        .processInstanceBusinessKey(contactId(pi))
        .setVariables(Variables.createVariables()
            .putValueTyped("postedBy", Variables.stringValue(author, true))
            .putValueTyped("postedMessage", Variables.stringValue(message, true)))
        .correlate();
  }

  private static Map<String, Object> disputeWanted() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("issueResolved", false);
    vars.put("openDispute", true);
    vars.put("reason", "NOT_RECEIVED");
    vars.put("itemReceived", false);
    vars.put("description", "The parcel never arrived and the seller could not locate it.");
    vars.put("requestedResolution", "FULL_REFUND");
    return vars;
  }

  @Test
  void sellerRepliesAndTheBuyerIsSatisfied() {
    Instant started = ClockUtil.getCurrentTime().toInstant();
    ProcessInstance pi = startContact();
    String contactId = contactId(pi);
    Assertions.assertThat(contactId).matches("C-[2-9A-Z]{8}");
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getBusinessKey()).isEqualTo(contactId);
    Assertions.assertThat(driver.variables(pi.getId())).containsEntry("sellerId", "seller1")
        .containsEntry("buyerId", "buyer1").containsEntry("orderAmount", "49.90");
    var reply = driver.task(pi.getId(), "ReplyToBuyer");
    Assertions.assertThat(reply.getAssignee()).isEqualTo("seller1");
    Assertions.assertThat(Duration.between(started, reply.getDueDate().toInstant()))
        .isBetween(Duration.ofDays(2).minusMinutes(1), Duration.ofDays(2).plusMinutes(1));
    Assertions.assertThat(contactRow(pi)).containsEntry("STATUS", "AWAITING_SELLER")
        .containsEntry("AWAITING", "SELLER").containsEntry("ORDER_LOCK", orderId);

    driver.complete(pi.getId(), "ReplyToBuyer", Map.of("sellerMessage", SELLER_MESSAGE));

    assertThat(pi).hasPassed("NotifyContactStarted", "NotifySellerReplied")
        .isWaitingAt("ConfirmIssueResolved");
    Assertions.assertThat(driver.task(pi.getId(), "ConfirmIssueResolved").getAssignee())
        .isEqualTo("buyer1");
    Assertions.assertThat(contactRow(pi)).containsEntry("STATUS", "AWAITING_BUYER");

    driver.complete(pi.getId(), "ConfirmIssueResolved", Map.of("issueResolved", true));

    assertThat(pi).isEnded().hasPassed("EndEvent_IssueResolved");
    Assertions.assertThat(driver.variables(pi.getId())).containsEntry("contactOutcome", "RESOLVED")
        .containsEntry("sellerReplied", true).containsEntry("openDispute", false);
    Assertions.assertThat(conversation(pi)).extracting(row -> row.get("AUTHOR_ROLE"))
        .containsExactly("BUYER", "SELLER");
    Assertions.assertThat(conversation(pi).get(1)).containsEntry("BODY", SELLER_MESSAGE);
    Assertions.assertThat(contactRow(pi)).containsEntry("STATUS", "RESOLVED")
        .containsEntry("ORDER_LOCK", null);
    Assertions.assertThat(notices(pi)).containsExactly("CONTACT_STARTED seller1 SELLER",
        "SELLER_REPLIED buyer1 BUYER");
  }

  @Test
  void aReplyWithoutAMessageIsRefused() {
    ProcessInstance pi = startContact();
    assertThatThrownBy(() -> driver.complete(pi.getId(), "ReplyToBuyer", Map.of()))
        .hasMessageContaining("sellerMessage");
    assertThat(pi).isWaitingAt("ReplyToBuyer");
    Assertions.assertThat(conversation(pi)).hasSize(1);
  }

  @Test
  void buyerAndSellerExchangeMessagesWhileTheContactIsOpen() {
    ProcessInstance pi = startContact();
    post(pi, "seller1", "Which address did you give? I will check with the carrier.");
    post(pi, "buyer1", "Main Street 1, 12345 Springfield.");

    assertThat(pi).hasPassed("StartEvent_MessagePosted", "RecordContactMessage",
        "EndEvent_MessageRecorded").isWaitingAt("ReplyToBuyer");
    Assertions.assertThat(conversation(pi))
        .extracting(row -> row.get("MESSAGE_NO") + " " + row.get("AUTHOR_ID"))
        .containsExactly("1 buyer1", "2 seller1", "3 buyer1");
    Assertions.assertThat(driver.variables(pi.getId()))
        .doesNotContainKeys("postedBy", "postedMessage");

    assertThatThrownBy(() -> post(pi, "buyer2", "I am not part of this conversation at all."))
        .hasMessageContaining("postedBy");
    Assertions.assertThat(conversation(pi)).hasSize(3);

    driver.complete(pi.getId(), "ReplyToBuyer", Map.of("sellerMessage", SELLER_MESSAGE));
    driver.complete(pi.getId(), "ConfirmIssueResolved", Map.of("issueResolved", true));
    assertThatThrownBy(() -> post(pi, "buyer1", "Thanks again!"))
        .isInstanceOf(MismatchingMessageCorrelationException.class);
    Assertions.assertThat(conversation(pi)).hasSize(4);
  }

  @Test
  void buyerWhoNeverAnswersHasTheContactClosedAfterTheDeadline() {
    ProcessInstance pi = startContact();
    driver.complete(pi.getId(), "ReplyToBuyer", Map.of("sellerMessage", SELLER_MESSAGE));
    Instant asked = Instant.now();
    var confirm = driver.task(pi.getId(), "ConfirmIssueResolved");
    Assertions.assertThat(Duration.between(asked, confirm.getDueDate().toInstant()))
        .isBetween(Duration.ofDays(14).minusMinutes(1), Duration.ofDays(14).plusMinutes(1));

    driver.fireTimer(pi.getId(), "BuyerConfirmationDeadline");

    assertThat(pi).isEnded().hasPassed("EndEvent_BuyerSilent")
        .hasNotPassed("Gateway_IssueResolved");
    Assertions.assertThat(driver.variables(pi.getId()))
        .containsEntry("contactOutcome", "BUYER_SILENT");
    Assertions.assertThat(contactRow(pi)).containsEntry("STATUS", "BUYER_SILENT")
        .containsEntry("ORDER_LOCK", null);
  }

  @Test
  void sellerSilenceLetsTheBuyerOpenADisputeWithTheConversation() {
    ProcessInstance pi = startContact();
    post(pi, "buyer1", "Hello? It has been two days now.");
    driver.fireTimer(pi.getId(), "SellerReplyDeadline");

    assertThat(pi).hasPassed("NoteSellerSilent", "NotifySellerNoReply")
        .hasNotPassed("NotifySellerReplied").isWaitingAt("ConfirmIssueResolved");
    Assertions.assertThat(driver.variables(pi.getId())).containsEntry("sellerReplied", false);
    Assertions.assertThat(contactRow(pi).get("SELLER_SILENT_AT")).isNotNull();
    Assertions.assertThat(notices(pi)).containsExactly("CONTACT_STARTED seller1 SELLER",
        "SELLER_NO_REPLY buyer1 BUYER");

    driver.complete(pi.getId(), "ConfirmIssueResolved", disputeWanted());

    assertThat(pi).isEnded().hasPassed("OpenDisputeFromContact", "EndEvent_DisputeOpened");
    Map<String, Object> vars = driver.variables(pi.getId());
    String disputeId = (String) vars.get("disputeId");
    Assertions.assertThat(disputeId).matches("D-[2-9A-Z]{8}");
    Assertions.assertThat(vars).containsEntry("disputeEligible", true)
        .containsEntry("contactOutcome", "DISPUTE_OPENED");
    Assertions.assertThat(contactRow(pi)).containsEntry("STATUS", "DISPUTE_OPENED")
        .containsEntry("DISPUTE_ID", disputeId).containsEntry("ORDER_LOCK", null);

    String dispute = driver.instanceId("disputeMediation", disputeId);
    driver.runAsync(dispute);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(dispute).singleResult())
        .isWaitingAt("RespondToDispute");
    Assertions.assertThat(driver.variables(dispute)).containsEntry("orderId", orderId)
        .containsEntry("buyerId", "buyer1").containsEntry("contactId", contactId(pi));
    List<Map<String, Object>> timeline = jdbc.sql("""
        select actor, actor_role, event_type, detail from dispute_event where dispute_id = ?
        order by occurred_at, event_id""").param(disputeId).query().listOfRows();
    Assertions.assertThat(timeline).extracting(row -> row.get("EVENT_TYPE") + " " + row.get("ACTOR"))
        .startsWith("PRIOR_CONTACT buyer1", "PRIOR_CONTACT buyer1", "PRIOR_CONTACT system",
            "REQUESTED buyer1");
    Assertions.assertThat(timeline.get(1)).containsEntry("DETAIL", "Hello? It has been two days now.");
  }

  @Test
  void aSellerWhoNamesHimselfTheBuyerDoesNotGetTheBuyersTask() {
    ProcessInstance pi = startContact();
    driver.complete(pi.getId(), "ReplyToBuyer", Map.of("sellerMessage", SELLER_MESSAGE,
        "buyerId", "seller1", "sellerId", "buyer1"));

    Assertions.assertThat(driver.task(pi.getId(), "ConfirmIssueResolved").getAssignee())
        .isEqualTo("buyer1");
    Assertions.assertThat(runtimeService.getVariables(pi.getId()))
        .containsEntry("buyerId", "buyer1").containsEntry("sellerId", "seller1");
    Assertions.assertThat(conversation(pi)).extracting(row -> row.get("AUTHOR_ID"))
        .containsExactly("buyer1", "seller1");
  }

  @Test
  void aDisputeOpenedFromTheContactIsForItsOwnOrderAndBuyer() {
    String otherOrder = orders.eligible("buyer2", "seller2", "75.50");
    ProcessInstance pi = startContact();
    driver.complete(pi.getId(), "ReplyToBuyer", Map.of("sellerMessage", SELLER_MESSAGE));
    runtimeService.setVariables(pi.getId(), Map.of("orderId", otherOrder, "buyerId", "buyer2",
        "orderAmount", "100000.00"));
    Map<String, Object> claim = disputeWanted();
    claim.put("requestedResolution", "PARTIAL_REFUND");
    claim.put("requestedAmount", "99999.00");

    // The claim is checked against the recorded order's amount.
    assertThatThrownBy(() -> driver.complete(pi.getId(), "ConfirmIssueResolved", claim))
        .hasMessageContaining("requestedAmount");

    driver.complete(pi.getId(), "ConfirmIssueResolved", disputeWanted());
    String disputeId = (String) driver.variables(pi.getId()).get("disputeId");
    Assertions.assertThat(jdbc.sql("select order_id, buyer_id, seller_id from dispute where dispute_id = ?")
        .param(disputeId).query().singleRow()).containsEntry("ORDER_ID", orderId)
        .containsEntry("BUYER_ID", "buyer1").containsEntry("SELLER_ID", "seller1");
    Assertions.assertThat(jdbc.sql("select count(*) from dispute where order_id = ?")
        .param(otherOrder).query(Long.class).single()).isZero();
  }

  @Test
  void theRepliedConversationGoesIntoTheDisputeInOrder() {
    ProcessInstance pi = startContact();
    driver.complete(pi.getId(), "ReplyToBuyer", Map.of("sellerMessage", SELLER_MESSAGE));
    driver.complete(pi.getId(), "ConfirmIssueResolved", disputeWanted());

    String disputeId = (String) driver.variables(pi.getId()).get("disputeId");
    Assertions.assertThat(jdbc.sql("""
        select actor_role, detail from dispute_event where dispute_id = ? and event_type = 'PRIOR_CONTACT'
        order by occurred_at, event_id""").param(disputeId).query().listOfRows())
        .extracting(row -> row.get("ACTOR_ROLE") + ": " + row.get("DETAIL"))
        .containsExactly("BUYER: " + contact(orderId, "buyer1").get("buyerMessage"),
            "SELLER: " + SELLER_MESSAGE);
  }

  @Test
  void openingADisputeNeedsAValidClaim() {
    ProcessInstance pi = startContact();
    driver.complete(pi.getId(), "ReplyToBuyer", Map.of("sellerMessage", SELLER_MESSAGE));
    Map<String, Object> vars = disputeWanted();
    vars.remove("reason");
    vars.put("description", "too short");
    assertThatThrownBy(() -> driver.complete(pi.getId(), "ConfirmIssueResolved", vars))
        .hasMessageContaining("reason").hasMessageContaining("description");
    assertThatThrownBy(() -> driver.complete(pi.getId(), "ConfirmIssueResolved",
        Map.of("issueResolved", false))).hasMessageContaining("openDispute");
    assertThat(pi).isWaitingAt("ConfirmIssueResolved");
    Assertions.assertThat(jdbc.sql("select count(*) from dispute where order_id = ?")
        .param(orderId).query(Long.class).single()).isZero();
  }

  @Test
  void notResolvedWithoutADisputeClosesTheContactAndFreesTheOrder() {
    ProcessInstance pi = startContact();
    driver.complete(pi.getId(), "ReplyToBuyer", Map.of("sellerMessage", SELLER_MESSAGE));
    driver.complete(pi.getId(), "ConfirmIssueResolved",
        Map.of("issueResolved", false, "openDispute", false));

    assertThat(pi).isEnded().hasPassed("EndEvent_ContactUnresolved")
        .hasNotPassed("OpenDisputeFromContact");
    Assertions.assertThat(driver.variables(pi.getId()))
        .containsEntry("contactOutcome", "UNRESOLVED");
    Assertions.assertThat(contactRow(pi)).containsEntry("STATUS", "UNRESOLVED");

    assertThat(driver.start("sellerContact", contact(orderId, "buyer1"))).isWaitingAt("ReplyToBuyer");
  }

  @Test
  void anIneligibleDisputeIsReportedOnTheContact() {
    String recent = orders.order("buyer1", "seller1", "15.00", "PHYSICAL", Duration.ofDays(3),
        Duration.ofDays(57));
    ProcessInstance pi = driver.start("sellerContact", contact(recent, "buyer1"));
    driver.complete(pi.getId(), "ReplyToBuyer", Map.of("sellerMessage", SELLER_MESSAGE));
    driver.complete(pi.getId(), "ConfirmIssueResolved", disputeWanted());

    assertThat(pi).isEnded().hasPassed("EndEvent_DisputeRefused");
    Map<String, Object> vars = driver.variables(pi.getId());
    Assertions.assertThat(vars).containsEntry("disputeEligible", false)
        .containsEntry("ineligibilityReason", "TOO_EARLY")
        .containsEntry("contactOutcome", "DISPUTE_REFUSED");
    String disputeId = (String) vars.get("disputeId");
    Assertions.assertThat(jdbc.sql("select status, ineligibility_reason from dispute where dispute_id = ?")
        .param(disputeId).query().singleRow())
        .containsEntry("STATUS", "INELIGIBLE").containsEntry("INELIGIBILITY_REASON", "TOO_EARLY");
    Assertions.assertThat(jdbc.sql("select status, dispute_id from contact where order_id = ?")
        .param(recent).query().singleRow())
        .containsEntry("STATUS", "DISPUTE_REFUSED").containsEntry("DISPUTE_ID", disputeId);
  }

  @Test
  void onlyTheOrdersBuyerCanStartAContact() {
    long before = runtimeService.createProcessInstanceQuery().count();
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("sellerContact",
        contact(orderId, "buyer2"))).hasMessageContaining("orderId")
        .hasMessageContaining("only the buyer");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("sellerContact",
        contact("NO-SUCH-ORDER", "buyer1"))).hasMessageContaining("orderId");
    Map<String, Object> silent = contact(orderId, "buyer1");
    silent.put("buyerMessage", "  ");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("sellerContact", silent))
        .hasMessageContaining("buyerMessage");
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    Assertions.assertThat(jdbc.sql("select count(*) from contact where order_id = ?")
        .param(orderId).query(Long.class).single()).isZero();
  }

  @Test
  void aSecondOpenContactForTheOrderIsRefused() {
    ProcessInstance first = startContact();
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("sellerContact",
        contact(orderId, "buyer1"))).hasMessageContaining(contactId(first));

    assertThatThrownBy(() -> jdbc.sql("""
        insert into contact (contact_id, order_id, buyer_id, seller_id, status, opened_at, order_lock)
        values ('C-TESTLOCK', ?, 'buyer1', 'seller1', 'AWAITING_SELLER', current_timestamp, ?)""")
        .params(orderId, orderId).update())
        .as("the database refuses a second open contact too")
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void concurrentStartsOpenExactlyOneContact() throws Exception {
    int requests = 8;
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      results.add(pool.submit(() -> {
        go.await();
        try {
          runtimeService.startProcessInstanceByKey("sellerContact", contact(orderId, "buyer1"));
          return true;
        } catch (RuntimeException refused) {
          return false;
        }
      }));
    }
    go.countDown();
    int started = 0;
    for (Future<Boolean> result : results) {
      if (result.get(60, TimeUnit.SECONDS)) {
        started++;
      }
    }
    pool.shutdown();

    Assertions.assertThat(started).isEqualTo(1);
    Assertions.assertThat(jdbc.sql("select count(*) from contact where order_id = ?")
        .param(orderId).query(Long.class).single()).isEqualTo(1);
  }
}
