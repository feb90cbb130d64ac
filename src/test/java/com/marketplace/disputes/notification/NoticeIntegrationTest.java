package com.marketplace.disputes.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with a real SMTP server (GreenMail) on a fixed free loopback port that
 * {@code spring.mail.host/port} point at, the test model deployed, and test users and orders.
 * The SMTP timeouts are short here so that the silent-server test is quick. As jobs, the
 * dispatcher's sending is run by the tests themselves ({@link NoticeDispatcher#sendDue}).
 */
@SpringBootTest(properties = {
    "spring.mail.host=127.0.0.1",
    "spring.mail.properties.mail.smtp.connectiontimeout=1500",
    "spring.mail.properties.mail.smtp.timeout=1500",
    "spring.mail.properties.mail.smtp.writetimeout=1500",
    "disputes.notices.dispatch.max-attempts=" + NoticeIntegrationTest.MAX_ATTEMPTS})
@ActiveProfiles("test")
@Import(NoticeIntegrationTest.Hooks.class)
abstract class NoticeIntegrationTest {

  static final int SMTP_PORT = freePort();
  static final long SMTP_TIMEOUT_MILLIS = 1500;
  /** Few, so that a test reaches the operator's turn quickly. */
  static final int MAX_ATTEMPTS = 12;
  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  static final String BUYER = "nbuyer";
  static final String SELLER = "nseller";
  static final String SENIOR_EN = "nsenioren";
  static final String SENIOR_DE = "nseniorde";
  static final String ORDER_TITLE = "USB-C cable, 2 m";

  private static final AtomicInteger SEQUENCE = new AtomicInteger(1000);

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired NoticeOutbox outbox;
  @Autowired NoticeQueue queue;
  @Autowired NoticeDispatcher dispatcher;
  @Autowired NoticeTestHook hook;

  GreenMail smtp;

  @DynamicPropertySource
  static void smtpPort(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  static class Hooks {
    @Bean
    NoticeTestHook noticeTestHook() {
      return new NoticeTestHook();
    }
  }

  @BeforeEach
  void setUpWorld() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("noticeTest")
        .count() == 0) {
      repositoryService.createDeployment().name("notice-test")
          .addClasspathResource("notification/notice-test.bpmn").deploy();
    }
    user(BUYER, "Bea", "bea.buyer@example.test", "en");
    user(SELLER, "Sven", "sven.seller@example.test", "de");
    user(SENIOR_EN, "Sam", "sam.senior@example.test", "en");
    user(SENIOR_DE, "Sabine", "sabine.senior@example.test", "de-DE");
    if (identityService.createGroupQuery().groupId(RecipientResolver.SENIOR_MEDIATORS_GROUP)
        .count() == 0) {
      var group = identityService.newGroup(RecipientResolver.SENIOR_MEDIATORS_GROUP);
      group.setName("Senior mediators");
      identityService.saveGroup(group);
    }
    for (String senior : List.of(SENIOR_EN, SENIOR_DE)) {
      if (identityService.createUserQuery().userId(senior)
          .memberOfGroup(RecipientResolver.SENIOR_MEDIATORS_GROUP).count() == 0) {
        identityService.createMembership(senior, RecipientResolver.SENIOR_MEDIATORS_GROUP);
      }
    }
    hook.failNextTimes(0);
    ClockUtil.setCurrentTime(Date.from(NOW));
    smtp = startSmtp();
  }

  @AfterEach
  void tearDownWorld() {
    if (smtp != null) {
      smtp.stop();
    }
    ClockUtil.reset();
  }

  GreenMail startSmtp() {
    GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));
    server.start();
    return server;
  }

  void user(String id, String firstName, String email, String locale) {
    User user = identityService.createUserQuery().userId(id).singleResult();
    if (user == null) {
      user = identityService.newUser(id);
    }
    user.setFirstName(firstName);
    user.setLastName("Test");
    user.setEmail(email);
    identityService.saveUser(user);
    identityService.setUserInfo(id, RecipientResolver.LOCALE_INFO_KEY, locale);
  }

  /** Sets the language of every test user. */
  void everyoneSpeaks(String locale) {
    for (String id : List.of(BUYER, SELLER, SENIOR_EN, SENIOR_DE)) {
      identityService.setUserInfo(id, RecipientResolver.LOCALE_INFO_KEY, locale);
    }
  }

  /** A new order and an open dispute on it; returns the dispute id. */
  String newDispute() {
    int n = SEQUENCE.incrementAndGet();
    String orderId = "ORD-N" + n;
    String disputeId = "D-N" + n;
    jdbc.update("insert into market_order (order_id, buyer_id, seller_id, title, amount, currency,"
            + " item_type, protection_ends_at, updated_at)"
            + " values (?, ?, ?, ?, 49.90, 'USD', 'PHYSICAL', ?, ?)",
        orderId, BUYER, SELLER, ORDER_TITLE, offset(NOW.plusSeconds(86400L * 40)), offset(NOW));
    jdbc.update("insert into dispute (dispute_id, order_id, buyer_id, seller_id, status, reason,"
            + " item_received, description, requested_resolution, order_amount, currency,"
            + " opened_at) values (?, ?, ?, ?, 'OPEN', 'DAMAGED', true, ?, 'PARTIAL_REFUND',"
            + " 49.90, 'USD', ?)",
        disputeId, orderId, BUYER, SELLER, "The cable arrived cut in half.", offset(NOW));
    return disputeId;
  }

  static String orderOf(String disputeId) {
    return "ORD-" + disputeId.substring(2);
  }

  /** Variables every dispute instance holds. */
  Map<String, Object> disputeVariables(String disputeId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("disputeId", disputeId);
    variables.put("orderId", orderOf(disputeId));
    variables.put("buyerId", BUYER);
    variables.put("sellerId", SELLER);
    variables.put("orderAmount", "49.90");
    variables.put("currency", "USD");
    return variables;
  }

  /** Starts the test model up to its notice job; returns the process instance id. */
  String startNotice(String businessKey, Notice notice, String recipients,
      Map<String, Object> variables) {
    Map<String, Object> all = new HashMap<>(variables);
    all.put("testNotice", notice.name());
    all.put("testRecipients", recipients);
    return runtimeService.startProcessInstanceByKey("noticeTest", businessKey, all)
        .getProcessInstanceId();
  }

  Job noticeJob(String processInstanceId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId)
        .activityId("NotifyParties").singleResult();
  }

  /** Runs the send task's job, which writes the notice, then sends what is due. */
  void runNoticeJob(String processInstanceId) {
    managementService.executeJob(noticeJob(processInstanceId).getId());
    dispatcher.sendDue();
  }

  /** Moves the application's clock on. */
  void advanceClock(Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
  }

  List<ReceivedMail> received() {
    return Arrays.stream(smtp.getReceivedMessages()).map(ReceivedMail::of).toList();
  }

  List<ReceivedMail> receivedFor(String businessKey) {
    return received().stream()
        .filter(mail -> mail.key() != null && mail.key().startsWith(businessKey + ":"))
        .toList();
  }

  static OffsetDateTime offset(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
