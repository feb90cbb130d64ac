package com.marketplace.disputes.analytics;

import static com.marketplace.disputes.support.DisputeDriver.claim;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplace.disputes.identity.PlatformGroups;
import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.HttpTest;
import com.marketplace.disputes.support.TestOrders;
import com.marketplace.disputes.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * What an analyst can do to the dispute processes through the engine REST API, which is what
 * Cockpit calls: read definitions, running instances, jobs, incidents and history; change
 * nothing (no variable edit, no retry, no cancel, no modification, no suspension).
 */
@HttpTest
class CockpitReadOnlyIT {

  private static final String ANALYST = "cockanalyst";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired DisputeDriver driver;
  @Autowired TestOrders orders;

  String running;
  String closed;
  Job timer;

  @BeforeEach
  void setUp() {
    new TestUsers(identityService).user(ANALYST, PlatformGroups.ANALYSTS);
    ProcessInstance open = driver.start(claim(orders.eligible("cockbuyer", "cockseller", "30.00"),
        "cockbuyer"));
    running = open.getId();
    timer = driver.timer(running, "SellerResponseReminder");
    // A failed job as Cockpit shows it: no retries left, an incident open.
    managementService.setJobRetries(timer.getId(), 0);

    ProcessInstance done = driver.start(claim(orders.eligible("cockbuyer", "cockseller", "40.00"),
        "cockbuyer"));
    driver.complete(done.getId(), "RespondToDispute", Map.of("sellerResponse", "ACCEPT"));
    closed = done.getId();
  }

  @Test
  void analystsHaveCockpitAndReadTheDisputeProcessesAndTheirHistory() {
    assertThat(get("/engine-rest/authorization/check?permissionName=ACCESS&resourceName="
        + "application&resourceType=0&resourceId=cockpit").get("authorized").asBoolean()).isTrue();
    assertThat(get("/engine-rest/process-definition?key=disputeMediation&maxResults=10"))
        .hasSize(1);
    assertThat(get("/engine-rest/process-definition/key/disputeMediation/xml").get("bpmn20Xml")
        .asText()).contains("RespondToDispute");
    assertThat(get("/engine-rest/process-definition/statistics?failedJobs=true&incidents=true"))
        .isNotEmpty();
    assertThat(get("/engine-rest/decision-definition?key=disputeEligibility&maxResults=10"))
        .hasSize(1);
    assertThat(get("/engine-rest/deployment?maxResults=10")).isNotEmpty();

    assertThat(ids("/engine-rest/process-instance?processDefinitionKey=disputeMediation"
        + "&maxResults=100")).contains(running);
    assertThat(get("/engine-rest/process-instance/" + running + "/activity-instances")
        .get("childActivityInstances").toString()).contains("RespondToDispute");
    assertThat(get("/engine-rest/process-instance/" + running + "/variables").has("disputeId"))
        .isTrue();
    assertThat(get("/engine-rest/task?processInstanceId=" + running + "&maxResults=10"))
        .hasSize(1);
    assertThat(ids("/engine-rest/job?processInstanceId=" + running + "&maxResults=10"))
        .contains(timer.getId());
    assertThat(get("/engine-rest/incident?processInstanceId=" + running + "&maxResults=10"))
        .hasSize(1);

    assertThat(get("/engine-rest/history/process-instance?processInstanceId=" + closed
        + "&maxResults=10").get(0).get("state").asText()).isEqualTo("COMPLETED");
    assertThat(get("/engine-rest/history/process-instance?superProcessInstanceId=" + closed
        + "&maxResults=10")).as("the called returnAndRefund").hasSize(1);
    assertThat(get("/engine-rest/history/activity-instance?processInstanceId=" + closed
        + "&maxResults=200").toString()).contains("CloseDispute");
    assertThat(get("/engine-rest/history/variable-instance?processInstanceId=" + closed
        + "&variableName=closureReason&maxResults=10").get(0).get("value").asText())
        .isEqualTo("AGREEMENT");
    assertThat(get("/engine-rest/history/task?processInstanceId=" + closed + "&maxResults=10"))
        .hasSize(1);
    assertThat(get("/engine-rest/history/decision-instance?processInstanceId=" + closed
        + "&maxResults=10")).hasSize(1);
  }

  @Test
  void analystsChangeNothing() {
    String task = get("/engine-rest/task?processInstanceId=" + running + "&maxResults=1").get(0)
        .get("id").asText();
    String incident = get("/engine-rest/incident?processInstanceId=" + running + "&maxResults=1")
        .get(0).get("id").asText();
    String instance = "/engine-rest/process-instance/" + running;

    assertForbidden(HttpMethod.PUT, instance + "/variables/note",
        Map.of("value", "changed", "type", "String"));
    assertForbidden(HttpMethod.POST, instance + "/variables",
        Map.of("modifications", Map.of("disputeId", Map.of("value", "D-CHANGED"))));
    assertForbidden(HttpMethod.DELETE, instance + "/variables/disputeId", null);
    assertForbidden(HttpMethod.DELETE, instance, null);
    assertForbidden(HttpMethod.PUT, instance + "/suspended", Map.of("suspended", true));
    assertForbidden(HttpMethod.POST, instance + "/modification", Map.of("instructions",
        List.of(Map.of("type", "startBeforeActivity", "activityId", "EscalateToPlatform"))));
    assertForbidden(HttpMethod.POST, "/engine-rest/process-instance/delete",
        Map.of("processInstanceIds", List.of(running), "deleteReason", "analyst"));
    assertForbidden(HttpMethod.PUT, "/engine-rest/job/" + timer.getId() + "/retries",
        Map.of("retries", 3));
    assertForbidden(HttpMethod.POST, "/engine-rest/job/retries",
        Map.of("jobIds", List.of(timer.getId()), "retries", 3));
    assertForbidden(HttpMethod.POST, "/engine-rest/job/" + timer.getId() + "/execute", null);
    assertForbidden(HttpMethod.PUT, "/engine-rest/job/" + timer.getId() + "/duedate",
        Map.of("duedate", "2030-01-01T00:00:00.000+0000"));
    assertForbidden(HttpMethod.PUT, "/engine-rest/job-definition/" + timer.getJobDefinitionId()
        + "/retries", Map.of("retries", 3));
    assertForbidden(HttpMethod.PUT, "/engine-rest/incident/" + incident + "/annotation",
        Map.of("annotation", "looked at it"));
    assertForbidden(HttpMethod.PUT, "/engine-rest/task/" + task + "/variables/note",
        Map.of("value", "changed", "type", "String"));
    assertForbidden(HttpMethod.POST, "/engine-rest/task/" + task + "/complete", Map.of());
    assertForbidden(HttpMethod.DELETE, "/engine-rest/history/process-instance/" + closed, null);
    for (String permission : List.of("UPDATE_INSTANCE", "DELETE_INSTANCE", "RETRY_JOB",
        "SUSPEND_INSTANCE", "UPDATE_INSTANCE_VARIABLE", "MIGRATE_INSTANCE", "DELETE_HISTORY")) {
      assertThat(get("/engine-rest/authorization/check?permissionName=" + permission
          + "&resourceName=processDefinition&resourceType=6&resourceId=disputeMediation")
          .get("authorized").asBoolean()).as(permission).isFalse();
    }

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(running).active()
        .count()).isOne();
    assertThat(runtimeService.getVariable(running, "note")).isNull();
    assertThat(runtimeService.getVariable(running, "disputeId")).asString().startsWith("D-");
    assertThat(managementService.createJobQuery().jobId(timer.getId()).singleResult().getRetries())
        .isZero();
    assertThat(runtimeService.createIncidentQuery().incidentId(incident).singleResult()
        .getAnnotation()).isNull();
  }

  private JsonNode get(String path) {
    ResponseEntity<JsonNode> response = rest.withBasicAuth(ANALYST, TestUsers.PASSWORD)
        .getForEntity(path, JsonNode.class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private List<String> ids(String path) {
    List<String> ids = new ArrayList<>();
    get(path).forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  private void assertForbidden(HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(ANALYST, TestUsers.PASSWORD);
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>(body, headers),
        String.class);
    assertThat(response.getStatusCode()).as(method + " " + path + ": " + response.getBody())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }
}
