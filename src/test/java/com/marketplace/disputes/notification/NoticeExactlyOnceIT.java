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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

/**
 * A notice goes out once per occurrence whatever happens around it: jobs rolled back after the
 * mail went out, SMTP outages, a server that never answers, retries running out.
 */
class NoticeExactlyOnceIT extends NoticeIntegrationTest {

  @Test
  void jobRolledBackAfterTheMailWentOutDoesNotMailAgainOnRetry() {
    String disputeId = newDispute();
    String processInstanceId = startEscalatedNotice(disputeId);
    hook.failNextTimes(1);

    assertThatThrownBy(() -> runNoticeJob(processInstanceId))
        .hasMessageContaining("step after the notice failed");
    assertThat(receivedFor(disputeId)).hasSize(2);
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
  void outageKeepsTheNoticeUntilTheServerIsBackThenSendsItOnce() {
    String disputeId = newDispute();
    String processInstanceId = startEscalatedNotice(disputeId);
    smtp.stop();

    assertThatThrownBy(() -> runNoticeJob(processInstanceId))
        .hasStackTraceContaining("Connection refused");
    assertThat(outbox.forBusinessKey(disputeId)).extracting(Row::status)
        .containsExactly(Status.FAILED);
    assertThat(noticeJob(processInstanceId)).isNotNull();

    smtp = startSmtp();
    runNoticeJob(processInstanceId);

    assertThat(receivedFor(disputeId)).extracting(mail -> mail.to().get(0))
        .containsExactlyInAnyOrder("bea.buyer@example.test", "sven.seller@example.test");
    assertThat(outbox.forBusinessKey(disputeId)).extracting(Row::status)
        .containsOnly(Status.SENT);
    assertThat(waitingInTask(processInstanceId)).isTrue();
  }

  @Test
  void exhaustedRetriesRaiseAnIncidentAndNewRetriesSendTheNotice() {
    String disputeId = newDispute();
    String processInstanceId = startEscalatedNotice(disputeId);
    smtp.stop();
    String jobId = noticeJob(processInstanceId).getId();

    // The notice retry cycle R10/PT5M: ten attempts, five minutes apart.
    assertThatThrownBy(() -> managementService.executeJob(jobId)).isNotNull();
    Job afterFirstFailure = managementService.createJobQuery().jobId(jobId).singleResult();
    assertThat(afterFirstFailure.getRetries()).isEqualTo(9);
    assertThat(afterFirstFailure.getDuedate().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    for (int attempt = 2; attempt <= 10; attempt++) {
      assertThatThrownBy(() -> managementService.executeJob(jobId)).isNotNull();
    }
    assertThat(runtimeService.createIncidentQuery().processInstanceId(processInstanceId).count())
        .isEqualTo(1);

    smtp = startSmtp();
    managementService.setJobRetries(jobId, 1);
    managementService.executeJob(jobId);

    assertThat(receivedFor(disputeId)).hasSize(2);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(processInstanceId).count())
        .isZero();
    // The buyer's mail failed ten times; the seller's, next in line, was first tried now.
    assertThat(outbox.forBusinessKey(disputeId))
        .extracting(Row::recipientId, Row::status, Row::attempts)
        .containsExactlyInAnyOrder(tuple(BUYER, Status.SENT, 11), tuple(SELLER, Status.SENT, 1));
  }

  @Test
  void silentServerTimesOutWithinTheConfiguredLimitAndTheRetrySendsOnce() throws Exception {
    String disputeId = newDispute();
    String processInstanceId = startNotice(disputeId, Notice.DISPUTE_OPENED, "SELLER",
        disputeVariables(disputeId));
    smtp.stop();

    try (SilentServer silent = new SilentServer(SMTP_PORT)) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> runNoticeJob(processInstanceId))
          .hasStackTraceContaining("Read timed out");
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

      assertThat(silent.connections()).isNotEmpty();
      assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(SMTP_TIMEOUT_MILLIS - 100))
          .isLessThan(Duration.ofMillis(SMTP_TIMEOUT_MILLIS + 3000));
    }
    assertThat(outbox.forBusinessKey(disputeId)).extracting(Row::status)
        .containsExactly(Status.FAILED);

    smtp = startSmtp();
    runNoticeJob(processInstanceId);

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
