package com.marketplace.disputes.contact;

import static com.marketplace.disputes.support.ApiCalls.variables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplace.disputes.support.ApiCalls;
import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.HttpTest;
import com.marketplace.disputes.support.TestOrders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A seller contact over HTTP: the buyer starts it through the engine REST API, both parties
 * write through /api/contacts, and the dispute the buyer then opens shows the mediator the
 * conversation.
 */
@HttpTest
class ContactRestIT {

  private static final String BUYER = "cobuyer";
  private static final String OTHER_BUYER = "coother";
  private static final String SELLER = "coseller";
  private static final String MEDIATOR = "comediator";

  @Autowired ApiCalls api;
  @Autowired TestOrders orders;
  @Autowired DisputeDriver driver;

  String orderId;

  @BeforeEach
  void setUp() {
    api.user(BUYER, "buyers");
    api.user(OTHER_BUYER, "buyers");
    api.user(SELLER, "sellers");
    api.user(MEDIATOR, "mediators");
    orderId = orders.eligible(BUYER, SELLER, "49.90");
  }

  private ResponseEntity<JsonNode> startAs(String user) {
    return api.call(user, HttpMethod.POST, "/engine-rest/process-definition/key/sellerContact/start",
        variables(Map.of("orderId", orderId, "buyerMessage", "Hello, where is my parcel?")));
  }

  private String task(String user, String contactId, String key) {
    JsonNode tasks = api.call(user, HttpMethod.GET, "/engine-rest/task?maxResults=10"
        + "&processInstanceBusinessKey=" + contactId + "&taskDefinitionKey=" + key, null).getBody();
    assertThat(tasks).as(user + " sees " + key).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  @Test
  void aContactTurnsIntoADisputeThatShowsTheConversation() {
    ResponseEntity<JsonNode> started = startAs(BUYER);
    assertThat(started.getStatusCode()).as(started.toString()).isEqualTo(HttpStatus.OK);
    String contactId = started.getBody().get("businessKey").asText();
    assertThat(contactId).startsWith("C-");
    driver.runAsync(started.getBody().get("id").asText());

    ResponseEntity<JsonNode> posted = api.call(SELLER, HttpMethod.POST,
        "/api/contacts/" + contactId + "/messages", Map.of("message", "Let me check with the carrier."));
    assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(posted.getBody().get("messageNo").asInt()).isEqualTo(2);
    assertThat(posted.getBody().get("authorRole").asText()).isEqualTo("SELLER");

    String reply = task(SELLER, contactId, "ReplyToBuyer");
    assertThat(api.call(SELLER, HttpMethod.POST, "/engine-rest/task/" + reply + "/complete",
        variables(Map.of("sellerMessage", "The carrier lost it, sorry; I cannot refund it myself.")))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    driver.runAsync(started.getBody().get("id").asText());

    String confirm = task(BUYER, contactId, "ConfirmIssueResolved");
    Map<String, Object> dispute = new LinkedHashMap<>();
    dispute.put("issueResolved", false);
    dispute.put("openDispute", true);
    dispute.put("reason", "NOT_RECEIVED");
    dispute.put("itemReceived", false);
    dispute.put("description", "The parcel was lost by the carrier, as the seller confirms.");
    dispute.put("requestedResolution", "FULL_REFUND");
    assertThat(api.call(BUYER, HttpMethod.POST, "/engine-rest/task/" + confirm + "/complete",
        variables(dispute)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode contact = api.call(BUYER, HttpMethod.GET, "/api/contacts/" + contactId, null).getBody();
    assertThat(contact.get("contact").get("status").asText()).isEqualTo("DISPUTE_OPENED");
    String disputeId = contact.get("contact").get("disputeId").asText();
    assertThat(contact.get("messages").findValuesAsText("authorId"))
        .containsExactly(BUYER, SELLER, SELLER);

    JsonNode mediatorView = api.call(MEDIATOR, HttpMethod.GET, "/api/disputes/" + disputeId, null)
        .getBody();
    List<String> prior = new ArrayList<>();
    mediatorView.get("timeline").forEach(entry -> {
      if ("PRIOR_CONTACT".equals(entry.get("eventType").asText())) {
        prior.add(entry.get("actor").asText() + ": " + entry.get("detail").asText());
      }
    });
    assertThat(prior).containsExactly(BUYER + ": Hello, where is my parcel?",
        SELLER + ": Let me check with the carrier.",
        SELLER + ": The carrier lost it, sorry; I cannot refund it myself.");

    ResponseEntity<JsonNode> tooLate = api.call(BUYER, HttpMethod.POST,
        "/api/contacts/" + contactId + "/messages", Map.of("message", "Thanks for nothing."));
    assertThat(tooLate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void onlyTheBuyerStartsOneContactAndOnlyThePartiesWrite() {
    ResponseEntity<JsonNode> notTheirs = startAs(OTHER_BUYER);
    assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notTheirs.getBody().get("message").asText()).contains("orderId");

    String contactId = startAs(BUYER).getBody().get("businessKey").asText();
    ResponseEntity<JsonNode> second = startAs(BUYER);
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(second.getBody().get("message").asText()).contains(contactId);

    assertThat(api.call(OTHER_BUYER, HttpMethod.GET, "/api/contacts/" + contactId, null)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.call(OTHER_BUYER, HttpMethod.POST, "/api/contacts/" + contactId + "/messages",
        Map.of("message", "Me too!")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.call(MEDIATOR, HttpMethod.GET, "/api/contacts/" + contactId, null)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.call(MEDIATOR, HttpMethod.POST, "/api/contacts/" + contactId + "/messages",
        Map.of("message", "Platform here.")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> empty = api.call(BUYER, HttpMethod.POST,
        "/api/contacts/" + contactId + "/messages", Map.of("message", " "));
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(empty.getBody().get("errors").findValuesAsText("field")).containsExactly("message");

    assertThat(api.call(BUYER, HttpMethod.GET, "/api/contacts", null).getBody()
        .findValuesAsText("contactId")).contains(contactId);
    assertThat(api.call(SELLER, HttpMethod.GET, "/api/contacts/" + contactId, null).getBody()
        .get("messages")).hasSize(1);
  }
}
