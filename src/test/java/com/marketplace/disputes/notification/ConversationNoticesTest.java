package com.marketplace.disputes.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.marketplace.disputes.conversation.Conversation;
import com.marketplace.disputes.kernel.AppClock;
import com.marketplace.disputes.notification.NoticeOutbox.Row;
import com.marketplace.disputes.notification.NoticeOutbox.Status;
import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.ServiceTest;
import com.marketplace.disputes.support.TestOrders;
import com.marketplace.disputes.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The conversation's mail against the outbox's senders, on H2 and on PostgreSQL: writers at once
 * leave one notice per recipient, and a message that comes while a sender holds the notice is
 * never folded into a mail already on its way, but is the next mail.
 */
@ServiceTest
class ConversationNoticesTest {

  private static final String BUYER = "qcbuyer";
  private static final String SELLER = "qcseller";
  private static final Authentication AS_BUYER = new Authentication(BUYER, List.of("buyers"));

  @Autowired Conversation conversation;
  @Autowired NoticeOutbox outbox;
  @Autowired NoticeQueue queue;
  @Autowired NoticeMailer mailer;
  @Autowired NoticeDispatcher dispatcher;
  @Autowired EmbeddedMailbox mailbox;
  @Autowired DisputeDriver driver;
  @Autowired TestOrders orders;
  @Autowired IdentityService identityService;

  private String disputeId;

  @BeforeEach
  void openDispute() {
    TestUsers users = new TestUsers(identityService);
    users.user(BUYER, "buyers");
    users.user(SELLER, "sellers");
    disputeId = driver.start(DisputeDriver.claim(orders.eligible(BUYER, SELLER, "30.00"), BUYER))
        .getBusinessKey();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private List<Row> sellersNotices() {
    return outbox.forBusinessKey(disputeId).stream()
        .filter(row -> row.notice().equals(Notice.NEW_MESSAGES.name())).toList();
  }

  private List<ReceivedMail> sellersMails() {
    String prefix = disputeId + ":" + Notice.NEW_MESSAGES + ":" + SELLER + ":";
    return Arrays.stream(mailbox.receivedMessages()).map(ReceivedMail::of)
        .filter(mail -> mail.key() != null && mail.key().startsWith(prefix)).toList();
  }

  private void later(Duration by) {
    ClockUtil.setCurrentTime(Date.from(AppClock.now().plus(by)));
  }

  @Test
  void eightWritersAtOnceLeaveOneNoticeListingEveryMessage() throws Exception {
    ExecutorService writers = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> posted = new ArrayList<>();
      for (int i = 1; i <= 8; i++) {
        String text = "Concurrent message " + i + ".";
        posted.add(writers.submit(() -> {
          start.await();
          return conversation.post(AS_BUYER, disputeId, text, null, List.of());
        }));
      }
      start.countDown();
      for (Future<?> each : posted) {
        each.get(60, TimeUnit.SECONDS);
      }
    } finally {
      writers.shutdownNow();
    }

    assertThat(sellersNotices()).extracting(Row::status, Row::recipientId)
        .containsExactly(tuple(Status.PENDING, SELLER));
    later(Duration.ofMinutes(3));
    dispatcher.sendDue();
    List<ReceivedMail> mails = sellersMails();
    assertThat(mails).hasSize(1);
    for (int i = 1; i <= 8; i++) {
      assertThat(mails.get(0).text()).contains("Concurrent message " + i + ".");
    }
  }

  @Test
  void aMessageWhileASenderHoldsTheNoticeIsTheNextMailNotPartOfThatOne() {
    conversation.post(AS_BUYER, disputeId, "Before the sender came.", null, List.of());
    later(Duration.ofMinutes(3));
    String owner = "sender-" + disputeId;
    List<NoticeQueue.Due> taken = queue.take(owner, 10_000, AppClock.now(), Duration.ofMinutes(5));
    NoticeQueue.Due mine = taken.stream()
        .filter(due -> due.key().startsWith(disputeId + ":" + Notice.NEW_MESSAGES)).findFirst()
        .orElseThrow();
    queue.release(owner, taken.stream().map(NoticeQueue.Due::key)
        .filter(key -> !key.equals(mine.key())).toList());

    conversation.post(AS_BUYER, disputeId, "While the sender held it.", null, List.of());
    mailer.send(mine);
    queue.markSent(owner, List.of(mine.key()), AppClock.now());
    dispatcher.sendDue();
    assertThat(sellersMails()).as("the second waits for its own burst").hasSize(1);
    later(Duration.ofMinutes(3));
    dispatcher.sendDue();

    List<ReceivedMail> mails = sellersMails();
    assertThat(mails).hasSize(2);
    ReceivedMail first = mails.stream().filter(mail -> mail.key().equals(mine.key()))
        .findFirst().orElseThrow();
    ReceivedMail second = mails.stream().filter(mail -> !mail.key().equals(mine.key()))
        .findFirst().orElseThrow();
    assertThat(first.text()).contains("Before the sender came.")
        .doesNotContain("While the sender held it.");
    assertThat(second.text()).contains("While the sender held it.")
        .doesNotContain("Before the sender came.");
    assertThat(sellersNotices()).extracting(Row::status).containsOnly(Status.SENT);
  }
}
