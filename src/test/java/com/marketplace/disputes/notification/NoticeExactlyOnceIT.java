package com.marketplace.disputes.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.marketplace.disputes.notification.NoticeOutbox.Row;
import com.marketplace.disputes.notification.NoticeOutbox.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/**
 * A notice goes out once per occurrence whatever happens around it: a step rolled back after it
 * wrote the notice, SMTP outages of an hour, a server that never answers, attempts running out.
 * Several senders at once and a sender that dies: {@link NoticeDispatchTest}.
 */
class NoticeExactlyOnceIT extends NoticeIntegrationTest {

  @Test
  void stepRolledBackAfterWritingTheNoticeLeavesNoNoticeAndItsRetryWritesItOnce() {
    String disputeId = newDispute();
    String processInstanceId = startEscalatedNotice(disputeId);
    hook.failNextTimes(1);

    assertThatThrownBy(() -> runNoticeJob(processInstanceId))
        .hasMessageContaining("step after the notice failed");
    assertThat(outbox.forBusinessKey(disputeId)).isEmpty();
    assertThat(dispatcher.sendDue()).isZero();
    assertThat(noticeJob(processInstanceId).getRetries()).isEqualTo(9);

    runNoticeJob(processInstanceId);

    assertThat(receivedFor(disputeId)).hasSize(2)
        .extracting(ReceivedMail::key).doesNotHaveDuplicates();
    assertThat(outbox.forBusinessKey(disputeId)).extracting(Row::status, Row::attempts)
        .containsOnly(tuple(Status.SENT, 1));
    assertThat(waitingInTask(processInstanceId)).isTrue();
  }

  @Test
  void secondPassThroughTheSendTaskIsANewNotice() {
    String disputeId = newDispute();
    String processInstanceId = startNotice(disputeId, Notice.CLAIM_MODIFIED, "SELLER",
        disputeVariables(disputeId));
    runNoticeJob(processInstanceId);

    taskService.complete(taskService.createTaskQuery().processInstanceId(processInstanceId)
        .singleResult().getId(), Map.of("again", true));
    runNoticeJob(processInstanceId);

    List<ReceivedMail> mails = receivedFor(disputeId);
    assertThat(mails).hasSize(2);
    assertThat(mails).extracting(ReceivedMail::key).doesNotHaveDuplicates();
    assertThat(mails).extracting(ReceivedMail::messageId).doesNotHaveDuplicates();
  }

  @Test
  void anHourWithoutTheMailServerLosesNothingAndSendsEachNoticeOnce() {
    String disputeId = newDispute();
    String processInstanceId = startEscalatedNotice(disputeId);
    smtp.stop();

    runNoticeJob(processInstanceId);
    assertThat(waitingInTask(processInstanceId)).as("the process does not wait for the mail")
        .isTrue();
    Instant outageEnds = NOW.plus(Duration.ofHours(1));
    while (ClockUtil.getCurrentTime().toInstant().isBefore(outageEnds)) {
      advanceClock(Duration.ofMinutes(1));
      assertThat(dispatcher.sendDue()).isZero();
    }
    List<Row> during = outbox.forBusinessKey(disputeId);
    assertThat(during).extracting(Row::status).containsOnly(Status.FAILED);
    // Backing off: 30 s, 1, 2, 4, 8 min, then every 10 min; not once a minute.
    assertThat(during).extracting(Row::attempts).allSatisfy(attempts ->
        assertThat(attempts).isBetween(5, MAX_ATTEMPTS - 1));

    smtp = startSmtp();
    advanceClock(Duration.ofMinutes(10));
    dispatcher.sendDue();

    assertThat(receivedFor(disputeId)).extracting(mail -> mail.to().get(0))
        .containsExactlyInAnyOrder("bea.buyer@example.test", "sven.seller@example.test");
    assertThat(outbox.forBusinessKey(disputeId)).extracting(Row::status)
        .containsOnly(Status.SENT);
    advanceClock(Duration.ofHours(1));
    assertThat(dispatcher.sendDue()).isZero();
    assertThat(receivedFor(disputeId)).hasSize(2);
  }

  @Test
  void aNoticeThatKeepsFailingWaitsForAnOperatorAndIsCountedUntilRetried() {
    String disputeId = newDispute();
    String processInstanceId = startNotice(disputeId, Notice.DISPUTE_OPENED, "SELLER",
        disputeVariables(disputeId));
    smtp.stop();
    runNoticeJob(processInstanceId);
    String key = outbox.forBusinessKey(disputeId).get(0).key();

    for (int attempt = 2; attempt <= MAX_ATTEMPTS + 2; attempt++) {
      advanceClock(Duration.ofMinutes(10));
      dispatcher.sendDue();
    }

    Row gaveUp = outbox.find(key).orElseThrow();
    assertThat(gaveUp.status()).isEqualTo(Status.GAVE_UP);
    assertThat(gaveUp.attempts()).isEqualTo(MAX_ATTEMPTS);
    assertThat(gaveUp.lastError()).contains("Connection refused");
    assertThat(queue.backlog(ClockUtil.getCurrentTime().toInstant()).gaveUp()).isEqualTo(1);

    smtp = startSmtp();
    advanceClock(Duration.ofHours(1));
    assertThat(dispatcher.sendDue()).as("given up: not tried by itself").isZero();
    assertThat(outbox.retry(key)).isTrue();
    assertThat(dispatcher.sendDue()).isEqualTo(1);

    assertThat(receivedFor(disputeId)).hasSize(1);
    assertThat(outbox.find(key).orElseThrow())
        .extracting(Row::status, Row::attempts).containsExactly(Status.SENT, MAX_ATTEMPTS + 1);
  }

  @Test
  void silentServerTimesOutWithinTheConfiguredLimitAndTheNextAttemptSendsOnce() throws Exception {
    String disputeId = newDispute();
    String processInstanceId = startNotice(disputeId, Notice.DISPUTE_OPENED, "SELLER",
        disputeVariables(disputeId));
    smtp.stop();

    try (SilentServer silent = new SilentServer(SMTP_PORT)) {
      long started = System.nanoTime();
      runNoticeJob(processInstanceId);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

      assertThat(silent.connections()).isNotEmpty();
      assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(SMTP_TIMEOUT_MILLIS - 100))
          .isLessThan(Duration.ofMillis(SMTP_TIMEOUT_MILLIS + 3000));
    }
    assertThat(outbox.forBusinessKey(disputeId)).extracting(Row::status, Row::lastError)
        .singleElement().satisfies(row -> {
          assertThat(row.toList().get(0)).isEqualTo(Status.FAILED);
          assertThat((String) row.toList().get(1)).contains("Read timed out");
        });

    smtp = startSmtp();
    advanceClock(Duration.ofMinutes(1));
    dispatcher.sendDue();

    assertThat(receivedFor(disputeId)).hasSize(1);
    assertThat(outbox.forBusinessKey(disputeId)).extracting(Row::status)
        .containsExactly(Status.SENT);
  }

  private String startEscalatedNotice(String disputeId) {
    Map<String, Object> variables = disputeVariables(disputeId);
    variables.put("escalationReason", "BUYER_REQUESTED");
    return startNotice(disputeId, Notice.ESCALATED, "BUYER,SELLER", variables);
  }

  private boolean waitingInTask(String processInstanceId) {
    return noticeJob(processInstanceId) == null
        && taskService.createTaskQuery().processInstanceId(processInstanceId)
            .taskDefinitionKey("Wait").count() == 1;
  }

  /** Accepts SMTP connections and never says a word, like a hung mail server. */
  private static final class SilentServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    SilentServer(int port) throws IOException {
      socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
      acceptor = new Thread(() -> {
        try {
          while (!socket.isClosed()) {
            connections.add(socket.accept());
          }
        } catch (IOException closed) {
          // close() ends the accept loop
        }
      }, "silent-smtp");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    List<Socket> connections() {
      return connections;
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket connection : connections) {
        connection.close();
      }
    }
  }
}
