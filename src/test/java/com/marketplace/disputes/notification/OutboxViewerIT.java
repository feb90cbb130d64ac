package com.marketplace.disputes.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.marketplace.disputes.support.HttpTest;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With no spring.mail.host the application runs its own SMTP server on loopback, and
 * administrators, and only they, see the outbox and what that server received.
 */
@HttpTest
class OutboxViewerIT {

  private static final String ADMIN = "nviewadmin";
  private static final String GUESSED_ADMIN = "nviewadmin2";
  private static final String SELLER = "nviewseller";
  private static final String PASSWORD = "viewer-secret-1";

  @Autowired TestRestTemplate http;
  @Autowired GreenMail embeddedSmtpServer;
  @Autowired JavaMailSenderImpl mailSender;
  @Autowired IdentityService identityService;
  @Autowired NoticeOutbox outbox;
  @Autowired NoticeMailer mailer;
  @Autowired NoticeDispatcher dispatcher;
  @Autowired TransactionTemplate transactions;

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private String key;

  @BeforeEach
  void sendOneNoticeThroughTheOutbox() {
    user(ADMIN, "ada.admin@example.test");
    user(GUESSED_ADMIN, "gus.admin@example.test");
    user(SELLER, "sid.seller@example.test");
    if (identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      var group = identityService.newGroup(Groups.CAMUNDA_ADMIN);
      group.setName("Administrators");
      identityService.saveGroup(group);
    }
    for (String admin : new String[] {ADMIN, GUESSED_ADMIN}) {
      if (identityService.createUserQuery().userId(admin).memberOfGroup(Groups.CAMUNDA_ADMIN)
          .count() == 0) {
        identityService.createMembership(admin, Groups.CAMUNDA_ADMIN);
      }
    }
    key = writeNotice("D-V" + SEQUENCE.incrementAndGet());
    dispatcher.sendDue();
  }

  /** A notice as a send task writes it, in a transaction of its own. */
  private String writeNotice(String disputeId) {
    String noticeKey = disputeId + ":DISPUTE_OPENED:" + SELLER + ":pass-" + disputeId;
    RenderedNotice notice = new RenderedNotice("Dispute " + disputeId + " opened",
        "<p>Dispute <b>" + disputeId + "</b> needs your response.</p>",
        "Dispute " + disputeId + " needs your response.");
    transactions.executeWithoutResult(tx -> outbox.record(new NoticeOutbox.Entry(noticeKey,
        disputeId, disputeId, Notice.DISPUTE_OPENED, SELLER, RecipientRole.SELLER, "Sid",
        "sid.seller@example.test", "en", "process-" + disputeId, "NotifyDisputeOpened",
        "pass-" + disputeId, mailer.messageIdFor(noticeKey)), notice));
    return noticeKey;
  }

  @Test
  void noticesGoToTheEmbeddedServerOnLoopback() {
    assertThat(mailSender.getHost()).isEqualTo("127.0.0.1");
    assertThat(mailSender.getPort()).isEqualTo(embeddedSmtpServer.getSmtp().getPort());
    assertThat(mailSender.getJavaMailProperties())
        .containsKeys("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout");
    assertThat(embeddedSmtpServer.getReceivedMessages()).anySatisfy(message ->
        assertThat(message.getHeader(NoticeMailer.KEY_HEADER, null)).isEqualTo(key));
  }

  @Test
  void adminSeesTheOutboxAndAPreviewOfTheReceivedMail() {
    ResponseEntity<String> page = http.withBasicAuth(ADMIN, PASSWORD)
        .getForEntity("/outbox", String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains(key, "sid.seller@example.test", "SENT",
        "Received by the embedded SMTP server");
    // The preview of this test's notice: other tests' notices sent meanwhile are listed too.
    Matcher row = Pattern.compile("<td class=\"key\">" + Pattern.quote(key)
        + "</td>(?:(?!</tr>).)*?href=\"(/outbox/messages/\\d+)\"", Pattern.DOTALL)
        .matcher(page.getBody());
    assertThat(row.find()).as("a preview link in the row of %s", key).isTrue();
    String previewPath = row.group(1);

    ResponseEntity<String> preview = http.withBasicAuth(ADMIN, PASSWORD)
        .getForEntity(previewPath, String.class);

    assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(preview.getBody()).contains(key, "<iframe", "sandbox=\"\"")
        .contains("srcdoc=\"&lt;p&gt;Dispute &lt;b&gt;")
        .doesNotContain("<p>Dispute <b>");
  }

  @Test
  void strangersAreAskedToLogInAndOtherUsersAreRefused() {
    ResponseEntity<String> anonymous = http.getForEntity("/outbox", String.class);
    // Another admin: after a failed login Camunda makes that user wait a few seconds.
    ResponseEntity<String> wrongPassword = http.withBasicAuth(GUESSED_ADMIN, "wrong")
        .getForEntity("/outbox", String.class);
    ResponseEntity<String> seller = http.withBasicAuth(SELLER, PASSWORD)
        .getForEntity("/outbox", String.class);
    ResponseEntity<String> sellerPreview = http.withBasicAuth(SELLER, PASSWORD)
        .getForEntity("/outbox/messages/0", String.class);

    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(seller.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(sellerPreview.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anAdministratorRetriesOrDropsANoticeThatIsNotSent() {
    String dropped = writeNotice("D-V" + SEQUENCE.incrementAndGet());

    ResponseEntity<String> drop = operator(ADMIN, "drop", dropped, true);
    ResponseEntity<String> dropAgain = operator(ADMIN, "drop", dropped, true);

    assertThat(drop.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(dropAgain.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(outbox.find(dropped).orElseThrow().status()).isEqualTo(NoticeOutbox.Status.DROPPED);
    assertThat(outbox.find(dropped).orElseThrow().lastError()).isEqualTo("dropped by " + ADMIN);
    assertThat(dispatcher.sendDue()).isZero();

    ResponseEntity<String> retry = operator(ADMIN, "retry", dropped, true);

    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(dispatcher.sendDue()).isEqualTo(1);
    assertThat(outbox.find(dropped).orElseThrow().status()).isEqualTo(NoticeOutbox.Status.SENT);
    assertThat(operator(ADMIN, "retry", dropped, true).getStatusCode())
        .as("a sent notice is not sent again").isEqualTo(HttpStatus.CONFLICT);
    assertThat(operator(ADMIN, "retry", "no-such-notice", true).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void retryAndDropNeedAnAdministratorAndTheViewersHeader() {
    String pending = writeNotice("D-V" + SEQUENCE.incrementAndGet());

    assertThat(operator(null, "drop", pending, true).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(operator(SELLER, "drop", pending, true).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(operator(ADMIN, "drop", pending, false).getStatusCode())
        .as("a form of another site cannot send the header").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(outbox.find(pending).orElseThrow().status())
        .isEqualTo(NoticeOutbox.Status.PENDING);
    dispatcher.sendDue();
  }

  @Test
  void theBacklogIsOnThePrometheusPageForAlerts() {
    ResponseEntity<String> metrics = http.withBasicAuth(ADMIN, PASSWORD)
        .getForEntity("/actuator/prometheus", String.class);

    assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(metrics.getBody()).contains("disputes_notices_due ",
        "disputes_notices_failing ", "disputes_notices_gave_up ",
        "disputes_notices_oldest_unsent_age_seconds ");
  }

  private ResponseEntity<String> operator(String user, String action, String noticeKey,
      boolean viewerHeader) {
    HttpHeaders headers = new HttpHeaders();
    if (viewerHeader) {
      headers.set("X-Requested-By", "outbox-viewer");
    }
    TestRestTemplate client = user == null ? http : http.withBasicAuth(user, PASSWORD);
    return client.postForEntity("/outbox/notices/" + action + "?key={key}",
        new HttpEntity<>(headers), String.class, noticeKey);
  }

  private void user(String id, String email) {
    User user = identityService.createUserQuery().userId(id).singleResult();
    if (user == null) {
      user = identityService.newUser(id);
      user.setPassword(PASSWORD);
    }
    user.setFirstName(id);
    user.setEmail(email);
    identityService.saveUser(user);
  }
}
