package com.marketplace.disputes.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketplace.disputes.kernel.AppClock;
import com.marketplace.disputes.notification.NoticeOutbox.Row;
import com.marketplace.disputes.notification.NoticeOutbox.Status;
import com.marketplace.disputes.support.ServiceTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatcher's hold on the outbox, on H2 and on PostgreSQL (where {@code skip locked} is
 * what keeps nodes apart): senders at once send each notice once, and a sender that died after
 * the server accepted a mail leaves it to another only when its lease has run out, under the
 * same Message-ID.
 */
@ServiceTest
class NoticeDispatchTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired NoticeOutbox outbox;
  @Autowired NoticeQueue queue;
  @Autowired NoticeDispatcher dispatcher;
  @Autowired NoticeMailer mailer;
  @Autowired EmbeddedMailbox mailbox;
  @Autowired TransactionTemplate transactions;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void fourSendersAtOnceSendEachNoticeOnce() throws Exception {
    String batch = "D-Q" + SEQUENCE.incrementAndGet() + "-";
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      keys.add(write(batch + i));
    }
    ExecutorService senders = Executors.newFixedThreadPool(4);
    int total = 0;
    try {
      List<Future<Integer>> sent = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        sent.add(senders.submit(() -> {
          int mine = 0;
          for (NoticeDispatcher.Batch b = dispatcher.sendBatch(); b.taken() > 0;
              b = dispatcher.sendBatch()) {
            mine += b.sent();
          }
          return mine;
        }));
      }
      for (Future<Integer> each : sent) {
        total += each.get(120, TimeUnit.SECONDS);
      }
    } finally {
      senders.shutdownNow();
    }

    assertThat(total).isEqualTo(120);
    assertThat(mailsFor(batch)).hasSize(120).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(keys);
    assertThat(keys).allSatisfy(key ->
        assertThat(outbox.find(key).orElseThrow().status()).isEqualTo(Status.SENT));
  }

  @Test
  void aSenderThatDiedAfterTheServerAcceptedLeavesItToAnotherUnderTheSameMessageId() {
    String key = write("D-Q" + SEQUENCE.incrementAndGet());
    Duration lease = Duration.ofMinutes(5);

    List<NoticeQueue.Due> taken = queue.take("node-that-dies", 1000, AppClock.now(), lease);
    assertThat(taken).extracting(NoticeQueue.Due::key).contains(key);
    NoticeQueue.Due mine = taken.stream().filter(due -> due.key().equals(key)).findFirst()
        .orElseThrow();
    mailer.send(mine);
    // The node dies here, before it marks the notice sent. Until its lease runs out nobody else
    // sends the notice; then another node does, under the same Message-ID.
    dispatcher.sendDue();
    assertThat(outbox.find(key).orElseThrow().status()).isEqualTo(Status.PENDING);
    ClockUtil.setCurrentTime(java.util.Date.from(AppClock.now().plus(lease).plusSeconds(1)));
    dispatcher.sendDue();

    Row row = outbox.find(key).orElseThrow();
    assertThat(row.status()).isEqualTo(Status.SENT);
    assertThat(messageIds(key)).hasSize(2).containsOnly(mine.messageId(), row.messageId());
  }

  /** A notice as a send task writes it, in a transaction of its own. */
  private String write(String disputeId) {
    String key = disputeId + ":DISPUTE_OPENED:qseller:pass-" + disputeId;
    RenderedNotice notice = new RenderedNotice("Dispute " + disputeId + " opened",
        "<p>Dispute " + disputeId + "</p>", "Dispute " + disputeId);
    transactions.executeWithoutResult(tx -> outbox.record(new NoticeOutbox.Entry(key, disputeId,
        null, Notice.DISPUTE_OPENED, "qseller", RecipientRole.SELLER, "Quinn",
        "quinn.seller@example.test", "en", "process-" + disputeId, "NotifyDisputeOpened",
        "pass-" + disputeId, mailer.messageIdFor(key)), notice));
    return key;
  }

  private List<String> mailsFor(String prefix) {
    return Arrays.stream(mailbox.receivedMessages()).map(NoticeDispatchTest::key)
        .filter(key -> key != null && key.startsWith(prefix)).toList();
  }

  private List<String> messageIds(String key) {
    return Arrays.stream(mailbox.receivedMessages()).filter(mail -> key.equals(key(mail)))
        .map(mail -> {
          try {
            return mail.getMessageID();
          } catch (MessagingException e) {
            throw new IllegalStateException(e);
          }
        }).toList();
  }

  private static String key(MimeMessage mail) {
    try {
      return mail.getHeader(NoticeMailer.KEY_HEADER, null);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
