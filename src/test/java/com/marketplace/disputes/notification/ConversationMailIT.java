package com.marketplace.disputes.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplace.disputes.kernel.AppClock;
import com.marketplace.disputes.support.ApiCalls;
import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.HttpTest;
import com.marketplace.disputes.support.TestOrders;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The mail a conversation sends, over HTTP and through the embedded SMTP server: the other side
 * is told once per burst of messages, after the grouping delay, in their language, with the
 * messages as text; a message after that mail went is a second mail.
 */
@HttpTest
class ConversationMailIT {

  private static final String BUYER = "cmbuyer";
  private static final String SELLER = "cmseller";
  private static final String MEDIATOR = "cmmediator";

  @Autowired ApiCalls api;
  @Autowired TestOrders orders;
  @Autowired DisputeDriver driver;
  @Autowired NoticeDispatcher dispatcher;
  @Autowired EmbeddedMailbox mailbox;
  @Autowired IdentityService identityService;

  @BeforeEach
  void users() {
    api.user(BUYER, "buyers");
    api.user(SELLER, "sellers");
    api.user(MEDIATOR, "mediators");
    identityService.setUserInfo(SELLER, RecipientResolver.LOCALE_INFO_KEY, "de");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A dispute waiting for the seller: its id and process instance. */
  private String[] open() {
    JsonNode started = api.openDispute(BUYER, orders.eligible(BUYER, SELLER, "49.90"));
    driver.runAsync(started.get("id").asText());
    return new String[] {started.get("businessKey").asText(), started.get("id").asText()};
  }

  private void write(String user, String disputeId, Map<String, Object> body) {
    assertThat(api.call(user, HttpMethod.POST, "/api/disputes/" + disputeId + "/messages", body)
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  /** Sends what is due after the clock has moved on by {@code later}. */
  private void sendAfter(Duration later) {
    ClockUtil.setCurrentTime(Date.from(AppClock.now().plus(later)));
    dispatcher.sendDue();
  }

  /** The conversation's mails of this dispute to {@code user}. */
  private List<ReceivedMail> mailsTo(String user, String disputeId) {
    String prefix = disputeId + ":" + Notice.NEW_MESSAGES + ":" + user + ":";
    return Arrays.stream(mailbox.receivedMessages()).map(ReceivedMail::of)
        .filter(mail -> mail.key() != null && mail.key().startsWith(prefix)).toList();
  }

  @Test
  void aBurstOfTenMessagesIsOneMailToTheOtherSideAndALaterMessageASecond() {
    String disputeId = open()[0];
    for (int i = 1; i <= 9; i++) {
      write(BUYER, disputeId, Map.of("message", "Burst message " + i + "."));
    }
    write(BUYER, disputeId, Map.of("message", "<script>alert('x')</script> & <b>ten</b>"));

    dispatcher.sendDue();
    assertThat(mailsTo(SELLER, disputeId)).as("waits for the burst to end").isEmpty();
    sendAfter(Duration.ofMinutes(3));
    sendAfter(Duration.ofMinutes(3));

    List<ReceivedMail> first = mailsTo(SELLER, disputeId);
    assertThat(first).hasSize(1);
    ReceivedMail mail = first.get(0);
    assertThat(mail.to()).containsExactly(SELLER + "@example.com");
    assertThat(mail.language()).isEqualTo("de");
    assertThat(mail.subject()).isEqualTo("Streitfall " + disputeId + ": neue Nachrichten");
    for (int i = 1; i <= 9; i++) {
      assertThat(mail.bothPartsContain("Burst message " + i + ".")).as("message " + i).isTrue();
    }
    assertThat(mail.text()).contains("<script>alert('x')</script> & <b>ten</b>",
        BUYER + " (Käufer)", "Neue Nachrichten: 10");
    assertThat(mail.html()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
        + "&lt;b&gt;ten&lt;/b&gt;").doesNotContain("<script>", "<b>ten</b>");
    assertThat(mailsTo(BUYER, disputeId)).as("nobody is told of their own messages").isEmpty();

    write(BUYER, disputeId, Map.of("message", "One more thing, after your mail."));
    sendAfter(Duration.ofMinutes(3));

    List<ReceivedMail> all = mailsTo(SELLER, disputeId);
    assertThat(all).hasSize(2);
    assertThat(all).extracting(ReceivedMail::messageId).doesNotHaveDuplicates();
    ReceivedMail second = all.stream().filter(m -> !m.key().equals(mail.key())).findFirst()
        .orElseThrow();
    assertThat(second.text()).contains("One more thing, after your mail.", "Neue Nachrichten: 1")
        .doesNotContain("Burst message");
    sendAfter(Duration.ofHours(1));
    assertThat(mailsTo(SELLER, disputeId)).as("never twice").hasSize(2);
  }

  @Test
  void aMediatorsWordToOneSideIsMailedToThatSideAlone() {
    String[] dispute = open();
    String disputeId = dispute[0];
    assertThat(api.call(SELLER, HttpMethod.POST, "/api/disputes/" + disputeId + "/escalate",
        null).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    driver.runAsync(dispute[1]);

    write(MEDIATOR, disputeId, Map.of("message", "Buyer: please send a photo of the label.",
        "to", "BUYER"));
    sendAfter(Duration.ofMinutes(3));

    List<ReceivedMail> toBuyer = mailsTo(BUYER, disputeId);
    assertThat(toBuyer).hasSize(1);
    assertThat(toBuyer.get(0).language()).isEqualTo("en");
    assertThat(toBuyer.get(0).subject()).isEqualTo("Dispute " + disputeId + ": new messages");
    assertThat(toBuyer.get(0).text()).contains("Buyer: please send a photo of the label.",
        MEDIATOR + " (platform mediator)");
    assertThat(mailsTo(SELLER, disputeId)).isEmpty();

    write(MEDIATOR, disputeId, Map.of("message", "Both: a decision follows in two days."));
    sendAfter(Duration.ofMinutes(3));
    assertThat(mailsTo(BUYER, disputeId)).hasSize(2);
    List<ReceivedMail> toSeller = mailsTo(SELLER, disputeId);
    assertThat(toSeller).hasSize(1);
    assertThat(toSeller.get(0).text()).contains("Both: a decision follows in two days.")
        .doesNotContain("photo of the label");
  }
}
