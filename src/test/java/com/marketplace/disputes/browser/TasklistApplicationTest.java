package com.marketplace.disputes.browser;

import com.marketplace.disputes.demo.DemoOrders;
import com.marketplace.disputes.demo.DemoUsers;
import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import com.marketplace.disputes.orders.OrderRepository;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the browser tests of Tasklist and the parties' page share: the running application with
 * its job executor on (one application for all of them), the demo users and orders, and a fresh
 * Chromium per test. Skipped where Chromium and its driver are not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles("test")
abstract class TasklistApplicationTest {

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired OrderRepository orders;
  @Autowired DisputeRecords disputes;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  Browser browser;
  Tasklist tasklist;

  @BeforeAll
  static void chromiumInstalled() {
    Browser.assumeInstalled();
  }

  @BeforeEach
  void openBrowser() {
    new DemoUsers(identityService).ensureDemoUsers();
    new DemoOrders(orders).ensureDemoOrders();
    browser = new Browser("http://localhost:" + port);
    tasklist = new Tasklist(browser);
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  /** Waits until the engine has created the task (the steps before it run asynchronously). */
  Task awaitTask(DisputeRecord dispute, String taskKey) {
    return browser.waitFor(Duration.ofSeconds(60), driver -> taskService.createTaskQuery()
        .processInstanceBusinessKey(dispute.disputeId()).taskDefinitionKey(taskKey)
        .singleResult());
  }
}
