package com.marketplace.disputes.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.HttpTest;
import com.marketplace.disputes.support.TestOrders;
import com.marketplace.disputes.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The Tasklist filters as each role gets them over the engine REST API (which Tasklist uses):
 * who sees which filter, the columns on every card, and the overdue mediation list.
 */
@HttpTest
class TasklistFiltersIT {

  private static final String BUYER = "fbuyer";
  private static final String SELLER = "fseller";
  private static final String MEDIATOR = "fmediator";
  private static final String SENIOR = "fsenior";
  private static final String ANALYST = "fanalyst";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired TasklistFilters tasklistFilters;
  @Autowired TestOrders orders;
  @Autowired DisputeDriver driver;

  @BeforeEach
  void setUp() {
    TestUsers users = new TestUsers(identityService);
    users.user(BUYER, PlatformGroups.BUYERS);
    users.user(SELLER, PlatformGroups.SELLERS);
    users.user(MEDIATOR, PlatformGroups.MEDIATORS);
    users.user(SENIOR, PlatformGroups.SENIOR_MEDIATORS);
    users.user(ANALYST, PlatformGroups.ANALYSTS);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private JsonNode get(String user, String path) {
    return rest.withBasicAuth(user, TestUsers.PASSWORD).getForObject(path, JsonNode.class);
  }

  private List<String> filterNames(String user) {
    List<String> names = new ArrayList<>();
    get(user, "/engine-rest/filter?maxResults=50&sortBy=name&sortOrder=asc")
        .forEach(filter -> names.add(filter.get("name").asText()));
    return names;
  }

  private String filterId(String name) {
    return filterService.createFilterQuery().filterName(name).singleResult().getId();
  }

  private List<String> listed(String user, String filter) {
    List<String> ids = new ArrayList<>();
    get(user, "/engine-rest/filter/" + filterId(filter) + "/list?maxResults=200")
        .forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }

  @Test
  void eachRoleSeesItsOwnFilters() {
    assertThat(filterNames(BUYER)).containsExactlyInAnyOrder(
        TasklistFilters.MY_DISPUTES, TasklistFilters.EVIDENCE_REQUESTED);
    assertThat(filterNames(SELLER)).containsExactlyInAnyOrder(
        TasklistFilters.MY_DISPUTES, TasklistFilters.EVIDENCE_REQUESTED);
    assertThat(filterNames(MEDIATOR)).containsExactlyInAnyOrder(
        TasklistFilters.EVIDENCE_REQUESTED, TasklistFilters.MEDIATION_QUEUE,
        TasklistFilters.OVERDUE_DECISIONS, TasklistFilters.CLAIMED_BY_ME);
    assertThat(filterNames(SENIOR)).containsExactlyInAnyOrder(
        TasklistFilters.EVIDENCE_REQUESTED, TasklistFilters.MEDIATION_QUEUE,
        TasklistFilters.OVERDUE_DECISIONS, TasklistFilters.CLAIMED_BY_ME, TasklistFilters.APPEALS);
    assertThat(filterNames(ANALYST)).as("analysts work no task").isEmpty();
  }

  @Test
  void everyCardShowsTheDisputeOrderAmountAndReason() {
    for (JsonNode filter : get(SENIOR, "/engine-rest/filter?maxResults=50")) {
      assertThat(filter.get("properties").get("variables").findValuesAsText("name"))
          .as(filter.get("name").asText())
          .contains("disputeId", "orderId", "orderAmount", "reason");
    }
  }

  @Test
  void aDecisionPastTheServiceLevelIsListedAsOverdueClaimedOrNot() {
    ProcessInstance pi = driver.start(DisputeDriver.claim(orders.eligible(BUYER, SELLER, "20.00"),
        BUYER));
    driver.correlate(driver.variables(pi.getId()).get("disputeId").toString(),
        "DisputeEscalationRequested", Map.of("requestedBy", "BUYER"));
    driver.runAsync(pi.getId());
    String decide = driver.task(pi.getId(), "DecideDispute").getId();

    assertThat(listed(MEDIATOR, TasklistFilters.MEDIATION_QUEUE)).contains(decide);
    assertThat(listed(MEDIATOR, TasklistFilters.OVERDUE_DECISIONS)).doesNotContain(decide);

    taskService.claim(decide, MEDIATOR);
    Date due = taskService.createTaskQuery().taskId(decide).singleResult().getDueDate();
    ClockUtil.setCurrentTime(Date.from(due.toInstant().plus(Duration.ofMinutes(1))));
    assertThat(listed(MEDIATOR, TasklistFilters.OVERDUE_DECISIONS)).contains(decide);
    assertThat(listed(SENIOR, TasklistFilters.OVERDUE_DECISIONS)).contains(decide);
    assertThat(listed(MEDIATOR, TasklistFilters.MEDIATION_QUEUE)).doesNotContain(decide);
    assertThat(listed(MEDIATOR, TasklistFilters.CLAIMED_BY_ME)).contains(decide);
  }

  @Test
  void filtersOfEarlierReleasesAreReplaced() {
    var old = filterService.newTaskFilter("My tasks");
    old.setQuery(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    filterService.saveFilter(old);
    tasklistFilters.ensureFilters();
    assertThat(filterService.createFilterQuery().filterName("My tasks").count()).isZero();
    assertThat(filterService.createFilterQuery().filterName(TasklistFilters.MY_DISPUTES).count())
        .as("updated in place, not copied").isEqualTo(1);
  }
}
