package com.marketplace.disputes.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplace.disputes.kernel.AppClock;
import com.marketplace.disputes.support.ApiCalls;
import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.HttpTest;
import com.marketplace.disputes.support.TestOrders;
import com.marketplace.disputes.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The conversation inside a dispute over HTTP, as buyer, seller, a stranger, an analyst and a
 * mediator meet it: who may write when, what each of them sees on the timeline, text that stays
 * text, the limits, and the files a message refers to.
 */
@HttpTest
class ConversationRestIT {

  private static final String BUYER = "cvbuyer";
  private static final String OTHER_BUYER = "cvbuyer2";
  private static final String SELLER = "cvseller";
  private static final String MEDIATOR = "cvmediator";
  private static final String ANALYST = "cvanalyst";

  @Autowired ApiCalls api;
  @Autowired TestOrders orders;
  @Autowired DisputeDriver driver;
  @Autowired TestRestTemplate rest;

  @BeforeEach
  void users() {
    api.user(BUYER, "buyers");
    api.user(OTHER_BUYER, "buyers");
    api.user(SELLER, "sellers");
    api.user(MEDIATOR, "mediators");
    api.user(ANALYST, "analysts");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A dispute buyer1 opened, waiting for the seller: its id and process instance. */
  private record Opened(String disputeId, String instanceId) {}

  private Opened open() {
    JsonNode started = api.openDispute(BUYER, orders.eligible(BUYER, SELLER, "49.90"));
    driver.runAsync(started.get("id").asText());
    return new Opened(started.get("businessKey").asText(), started.get("id").asText());
  }

  private void escalate(Opened dispute) {
    assertThat(api.call(SELLER, HttpMethod.POST,
        "/api/disputes/" + dispute.disputeId() + "/escalate", null).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    driver.runAsync(dispute.instanceId());
  }

  private ResponseEntity<JsonNode> write(String user, String disputeId, Object body) {
    return api.call(user, HttpMethod.POST, "/api/disputes/" + disputeId + "/messages", body);
  }

  private ResponseEntity<JsonNode> write(String user, String disputeId, String text) {
    return write(user, disputeId, Map.of("message", text));
  }

  /** The message entries of the timeline as {@code user} sees it. */
  private List<JsonNode> messages(String user, String disputeId) {
    JsonNode body = api.call(user, HttpMethod.GET, "/api/disputes/" + disputeId, null).getBody();
    List<JsonNode> found = new ArrayList<>();
    body.get("timeline").forEach(entry -> {
      if (entry.get("eventType").asText().equals("MESSAGE")) {
        found.add(entry);
      }
    });
    return found;
  }

  private static List<String> texts(List<JsonNode> entries) {
    return entries.stream().map(entry -> entry.get("detail").asText()).toList();
  }

  @Test
  void buyerAndSellerWriteToEachOtherAndEveryoneInTheCaseSeesItOnTheTimeline() {
    Opened dispute = open();

    ResponseEntity<JsonNode> posted = write(BUYER, dispute.disputeId(),
        "  Could you check with the carrier? The tracking has not moved since the 3rd.  ");
    assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode message = posted.getBody();
    assertThat(message.get("messageId").asLong()).isPositive();
    assertThat(message.get("disputeId").asText()).isEqualTo(dispute.disputeId());
    assertThat(message.get("author").asText()).isEqualTo(BUYER);
    assertThat(message.get("role").asText()).isEqualTo("BUYER");
    assertThat(message.get("to").asText()).isEqualTo("BOTH");
    assertThat(message.get("text").asText())
        .isEqualTo("Could you check with the carrier? The tracking has not moved since the 3rd.");
    assertThat(message.get("postedAt").isNull()).isFalse();
    assertThat(write(SELLER, dispute.disputeId(), "I have opened a trace with the carrier.")
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);

    for (String reader : List.of(BUYER, SELLER, MEDIATOR, ANALYST)) {
      List<JsonNode> seen = messages(reader, dispute.disputeId());
      assertThat(seen).as(reader).extracting(entry -> entry.get("actor").asText(),
              entry -> entry.get("actorRole").asText())
          .containsExactly(tuple(BUYER, "BUYER"), tuple(SELLER, "SELLER"));
      assertThat(texts(seen)).as(reader).containsExactly(
          "Could you check with the carrier? The tracking has not moved since the 3rd.",
          "I have opened a trace with the carrier.");
      assertThat(seen).allSatisfy(entry -> {
        assertThat(entry.get("occurredAt").isNull()).isFalse();
        assertThat(entry.hasNonNull("visibleTo")).isFalse();
      });
    }
  }

  @Test
  void aStrangerIsToldTheDisputeDoesNotExistAndAnAnalystOnlyReads() {
    Opened dispute = open();
    write(BUYER, dispute.disputeId(), "Is anyone there?");

    ResponseEntity<JsonNode> stranger = write(OTHER_BUYER, dispute.disputeId(),
        "Let me in on this.");
    assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(stranger.getBody().get("detail").asText()).doesNotContain("Is anyone there?");
    assertThat(api.call(OTHER_BUYER, HttpMethod.GET, "/api/disputes/" + dispute.disputeId(), null)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(write(OTHER_BUYER, "D-NOSUCH1", "Anyone?").getStatusCode())
        .as("the same answer whether it exists or not").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(write(null, dispute.disputeId(), "Anonymous").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<JsonNode> analyst = write(ANALYST, dispute.disputeId(), "Just looking.");
    assertThat(analyst.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(analyst.getBody().get("detail").asText()).contains("you can read it");

    assertThat(texts(messages(SELLER, dispute.disputeId()))).containsExactly("Is anyone there?");
    assertThat(texts(messages(ANALYST, dispute.disputeId()))).containsExactly("Is anyone there?");
  }

  @Test
  void mediatorsWriteOnceThePlatformReviewsItToBothOrOneSideAndThePartiesAnswer() {
    Opened dispute = open();
    String id = dispute.disputeId();

    ResponseEntity<JsonNode> early = write(MEDIATOR, id, "Hello from the platform.");
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(early.getBody().get("detail").asText()).contains("once it reviews it");
    assertThat(write(BUYER, id, Map.of("message", "Only to the seller", "to", "SELLER"))
        .getStatusCode()).as("a party writes to both").isEqualTo(HttpStatus.BAD_REQUEST);

    escalate(dispute);
    ResponseEntity<JsonNode> toSeller = write(MEDIATOR, id,
        Map.of("message", "Please send the carrier's trace result.", "to", "SELLER"));
    assertThat(toSeller.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(toSeller.getBody().get("to").asText()).isEqualTo("SELLER");
    assertThat(toSeller.getBody().get("role").asText()).isEqualTo("PLATFORM");
    assertThat(write(MEDIATOR, id, "We will decide within two days.").getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(write(SELLER, id, "The trace result is attached to the case.").getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(write(BUYER, id, "Thank you.").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<JsonNode> badTo = write(MEDIATOR, id, Map.of("message", "x", "to", "ALL"));
    assertThat(badTo.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badTo.getBody().get("errors").get(0).get("field").asText()).isEqualTo("to");

    assertThat(texts(messages(BUYER, id))).containsExactly("We will decide within two days.",
        "The trace result is attached to the case.", "Thank you.");
    assertThat(texts(messages(SELLER, id))).containsExactly(
        "Please send the carrier's trace result.", "We will decide within two days.",
        "The trace result is attached to the case.", "Thank you.");
    List<JsonNode> staff = messages(ANALYST, id);
    assertThat(texts(staff)).hasSize(4);
    assertThat(staff.get(0).get("visibleTo").asText()).isEqualTo("SELLER");
    assertThat(staff.get(0).get("actor").asText()).isEqualTo(MEDIATOR);
    assertThat(staff.get(0).get("actorRole").asText()).isEqualTo("PLATFORM");
  }

  @Test
  void htmlStaysTextInTheAnswerAndOnTheTimeline() {
    Opened dispute = open();
    String hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> & \"quoted\"";

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(BUYER, TestUsers.PASSWORD);
    ResponseEntity<String> raw = rest.exchange("/api/disputes/" + dispute.disputeId()
            + "/messages", HttpMethod.POST, new HttpEntity<>(Map.of("message", hostile), headers),
        String.class);

    assertThat(raw.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(raw.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
        .isTrue();
    assertThat(raw.getBody()).contains("\\\"quoted\\\"");
    assertThat(texts(messages(SELLER, dispute.disputeId()))).containsExactly(hostile);
  }

  @Test
  void emptyAndTooLongMessagesAnswer400NamingTheLimit() {
    Opened dispute = open();

    ResponseEntity<JsonNode> blank = write(BUYER, dispute.disputeId(), "   ");
    assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(blank.getBody().get("errors").get(0).get("field").asText()).isEqualTo("message");
    assertThat(write(BUYER, dispute.disputeId(), Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    ResponseEntity<JsonNode> tooLong = write(BUYER, dispute.disputeId(), "x".repeat(2001));
    assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooLong.getBody().get("errors").get(0).get("message").asText())
        .contains("2001", "limit is 2000", "disputes.conversation.max-length");
    assertThat(write(BUYER, dispute.disputeId(), "y".repeat(2000)).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(texts(messages(SELLER, dispute.disputeId()))).containsExactly("y".repeat(2000));
  }

  @Test
  void writingFasterThanTheRateAnswers429UntilThePeriodHasPassed() {
    Opened dispute = open();
    for (int i = 1; i <= 20; i++) {
      assertThat(write(BUYER, dispute.disputeId(), "Message " + i).getStatusCode())
          .isEqualTo(HttpStatus.CREATED);
    }

    ResponseEntity<JsonNode> over = write(BUYER, dispute.disputeId(), "Message 21");
    assertThat(over.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(over.getBody().get("detail").asText())
        .contains("limit is 20 per PT1H", "disputes.conversation.rate");
    long retryAfter = Long.parseLong(over.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
    assertThat(retryAfter).isBetween(1L, 3600L);
    assertThat(write(SELLER, dispute.disputeId(), "The other side may still answer.")
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(texts(messages(SELLER, dispute.disputeId()))).doesNotContain("Message 21");

    ClockUtil.setCurrentTime(Date.from(AppClock.now().plus(Duration.ofSeconds(retryAfter))));
    assertThat(write(BUYER, dispute.disputeId(), "Message 21").getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void aClosedDisputeTakesNoMessageAndSaysWhy() {
    Opened dispute = open();
    assertThat(api.call(BUYER, HttpMethod.POST, "/api/disputes/" + dispute.disputeId()
        + "/cancel", null).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    driver.runAsync(dispute.instanceId());

    ResponseEntity<JsonNode> late = write(SELLER, dispute.disputeId(), "Sorry I was late.");
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(late.getBody().get("detail").asText()).contains("is closed", "appeal");
    assertThat(messages(BUYER, dispute.disputeId())).isEmpty();
  }

  @Test
  void aMessageRefersToTheWritersOwnFilesOnlyAndNamesAnyOtherId() {
    Opened dispute = open();
    String id = dispute.disputeId();
    long photo = upload(BUYER);
    long sellersUpload = upload(SELLER);

    ResponseEntity<JsonNode> withPhoto = write(BUYER, id,
        Map.of("message", "Here is the empty box.", "evidenceIds", List.of(photo)));
    assertThat(withPhoto.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(withPhoto.getBody().get("evidenceIds").get(0).asLong()).isEqualTo(photo);
    JsonNode files = api.call(SELLER, HttpMethod.GET, "/api/disputes/" + id + "/evidence", null)
        .getBody();
    assertThat(files.findValues("id")).extracting(JsonNode::asLong).contains(photo);
    assertThat(write(BUYER, id, Map.of("message", "The same photo again.",
        "evidenceIds", List.of(String.valueOf(photo)))).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    for (Object foreign : List.of(List.of(sellersUpload), List.of(photo, 987654321L))) {
      ResponseEntity<JsonNode> refused = write(BUYER, id,
          Map.of("message", "Look at this.", "evidenceIds", foreign));
      assertThat(refused.getStatusCode()).as(foreign.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("errors").get(0).get("field").asText())
          .isEqualTo("evidenceIds");
    }
    assertThat(write(BUYER, id, Map.of("message", "x", "evidenceIds", List.of(sellersUpload)))
        .getBody().toString()).contains(String.valueOf(sellersUpload));
    assertThat(write(BUYER, id, Map.of("message", "x", "evidenceIds", List.of(987654321L)))
        .getBody().toString()).contains("987654321");
    ResponseEntity<JsonNode> notMine = write(SELLER, id,
        Map.of("message", "Your photo proves nothing.", "evidenceIds", List.of(photo)));
    assertThat(notMine.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notMine.getBody().toString()).contains("names upload " + photo);
    assertThat(write(BUYER, id, Map.of("message", "x", "evidenceIds", "12,13")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(texts(messages(SELLER, id)))
        .containsExactly("Here is the empty box.", "The same photo again.");
    HttpHeaders seller = new HttpHeaders();
    seller.setBasicAuth(SELLER, TestUsers.PASSWORD);
    assertThat(rest.exchange("/api/evidence/" + sellersUpload, HttpMethod.GET,
        new HttpEntity<>(seller), byte[].class).getStatusCode())
        .as("still the seller's staged upload").isEqualTo(HttpStatus.OK);
    assertThat(files.findValues("id")).extracting(JsonNode::asLong)
        .doesNotContain(sellersUpload);
  }

  /** A small JPEG staged by {@code user}; returns its id. */
  private long upload(String user) {
    byte[] content = new byte[1000];
    Arrays.fill(content, (byte) 0x42);
    content[0] = (byte) 0xFF;
    content[1] = (byte) 0xD8;
    content[2] = (byte) 0xFF;
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, TestUsers.PASSWORD);
    headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    ResponseEntity<JsonNode> uploaded = rest.exchange("/api/evidence?name=box.jpg",
        HttpMethod.POST, new HttpEntity<>(content, headers), JsonNode.class);
    assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return uploaded.getBody().get("id").asLong();
  }
}
