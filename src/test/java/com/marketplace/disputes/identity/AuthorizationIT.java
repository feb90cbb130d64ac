package com.marketplace.disputes.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplace.disputes.support.HttpTest;
import com.marketplace.disputes.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Who sees and may do what through the engine REST API, with the group grants of
 * {@link IdentitySetup}, the party grants of {@link DisputeAccess} and the engine's own task
 * grants. Uses a test-only process (identity/authorization-probe.bpmn) that grants its parties
 * like a dispute and waits in a task for the buyer and a task in the mediators' queue.
 */
@HttpTest
class AuthorizationIT {

  private static final String PROBE = "authorizationProbe";
  private static final String BUYER = "azbuyer";
  private static final String OTHER_BUYER = "azotherbuyer";
  private static final String SELLER = "azseller";
  private static final String OTHER_SELLER = "azotherseller";
  private static final String MEDIATOR = "azmediator";
  private static final String ANALYST = "azanalyst";
  /** Only ever used with a wrong password: the engine delays logins after a failed attempt. */
  private static final String LOCKED_OUT = "azlockedout";

  @Autowired
  TestRestTemplate rest;

  @Autowired
  IdentityService identityService;

  @Autowired
  AuthorizationService authorizationService;

  @Autowired
  RepositoryService repositoryService;

  @Autowired
  RuntimeService runtimeService;

  @Autowired
  TaskService taskService;

  @Autowired
  IdentitySetup identitySetup;

  @BeforeEach
  void setUp() {
    TestUsers users = new TestUsers(identityService);
    users.user(BUYER, PlatformGroups.BUYERS);
    users.user(OTHER_BUYER, PlatformGroups.BUYERS);
    users.user(SELLER, PlatformGroups.SELLERS);
    users.user(OTHER_SELLER, PlatformGroups.SELLERS);
    users.user(MEDIATOR, PlatformGroups.MEDIATORS);
    users.user(ANALYST, PlatformGroups.ANALYSTS);
    users.user(LOCKED_OUT, PlatformGroups.ANALYSTS);
    repositoryService.createDeployment()
        .name("authorization-probe")
        .addClasspathResource("identity/authorization-probe.bpmn")
        .enableDuplicateFiltering(true)
        .deploy();
    // The probe stands in for disputeMediation: buyers may start it as they start a dispute.
    if (authorizationService.createAuthorizationQuery().groupIdIn(PlatformGroups.BUYERS)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(PROBE).count() == 0) {
      Authorization start = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      start.setGroupId(PlatformGroups.BUYERS);
      start.setResource(Resources.PROCESS_DEFINITION);
      start.setResourceId(PROBE);
      start.addPermission(ProcessDefinitionPermissions.READ);
      start.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
      authorizationService.saveAuthorization(start);
    }
  }

  @Test
  void aPartySeesItsOwnInstanceAndTaskAndNothingOfOtherPeople() {
    ResponseEntity<JsonNode> started = as(BUYER).postForEntity(
        "/engine-rest/process-definition/key/{key}/start",
        Map.of("variables", Map.of(
            "buyerId", Map.of("value", BUYER),
            "sellerId", Map.of("value", SELLER))),
        JsonNode.class, PROBE);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String own = started.getBody().get("id").asText();
    String others = startProbe(OTHER_BUYER, OTHER_SELLER);

    assertThat(ids(as(BUYER), "/engine-rest/process-instance?maxResults=100"))
        .contains(own).doesNotContain(others);
    assertThat(ids(as(SELLER), "/engine-rest/process-instance?maxResults=100"))
        .contains(own).doesNotContain(others);
    assertThat(as(BUYER).getForEntity("/engine-rest/process-instance/{id}", String.class, others)
        .getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(as(BUYER).getForEntity("/engine-rest/process-instance/{id}/variables", String.class,
        others).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(BUYER).getForEntity("/engine-rest/process-instance/{id}/variables", String.class,
        own).getStatusCode()).isEqualTo(HttpStatus.OK);

    Task ownTask = task(own, "PartyTask");
    Task othersTask = task(others, "PartyTask");
    assertThat(ids(as(BUYER), "/engine-rest/task?maxResults=100"))
        .contains(ownTask.getId())
        .doesNotContain(othersTask.getId(), task(own, "QueueTask").getId());
    assertThat(ids(as(SELLER), "/engine-rest/task?maxResults=100"))
        .doesNotContain(ownTask.getId(), othersTask.getId());
    assertThat(ids(as(BUYER), "/engine-rest/history/variable-instance?processInstanceId=" + others
        + "&maxResults=100")).isEmpty();

    assertThat(complete(BUYER, othersTask.getId()).is2xxSuccessful()).isFalse();
    assertThat(complete(SELLER, ownTask.getId()).is2xxSuccessful()).isFalse();
    assertThat(complete(BUYER, ownTask.getId())).isEqualTo(HttpStatus.NO_CONTENT);

    taskService.complete(task(own, "QueueTask").getId());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(own).count()).isZero();
    assertThat(ids(as(BUYER), "/engine-rest/history/process-instance?maxResults=100"))
        .as("a closed instance stays visible to its parties")
        .contains(own).doesNotContain(others);
    assertThat(ids(as(SELLER), "/engine-rest/history/process-instance?maxResults=100"))
        .contains(own).doesNotContain(others);
  }

  @Test
  void mediatorsWorkTheQueueThroughTheirFilter() {
    String instance = startProbe(BUYER, SELLER);
    String queueTask = task(instance, "QueueTask").getId();
    ResponseEntity<JsonNode> filters = as(MEDIATOR).getForEntity(
        "/engine-rest/filter?name={name}&maxResults=10", JsonNode.class,
        TasklistFilters.MEDIATION_QUEUE);
    assertThat(filters.getBody()).as(filters.toString()).hasSize(1);
    String filterId = filters.getBody().get(0).get("id").asText();

    assertThat(ids(as(MEDIATOR), "/engine-rest/filter/" + filterId + "/list?maxResults=100"))
        .contains(queueTask).doesNotContain(task(instance, "PartyTask").getId());
    assertThat(as(BUYER).getForEntity("/engine-rest/filter/{id}/list?maxResults=10", String.class,
        filterId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(as(MEDIATOR).postForEntity("/engine-rest/task/{id}/claim",
        Map.of("userId", MEDIATOR), String.class, queueTask).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(ids(as(MEDIATOR), "/engine-rest/filter/" + filterId + "/list?maxResults=100"))
        .as("a claimed task leaves the queue").doesNotContain(queueTask);
    assertThat(complete(MEDIATOR, queueTask)).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(complete(MEDIATOR, task(instance, "PartyTask").getId()).is2xxSuccessful())
        .as("a mediator does not act in a party's place").isFalse();
  }

  @Test
  void analystsReadEverythingAndChangeNothing() {
    String instance = startProbe(BUYER, SELLER);
    String queueTask = task(instance, "QueueTask").getId();
    String partyTask = task(instance, "PartyTask").getId();

    assertThat(ids(as(ANALYST), "/engine-rest/history/process-instance?processInstanceId="
        + instance + "&maxResults=10")).containsExactly(instance);
    assertThat(ids(as(ANALYST), "/engine-rest/process-instance?processInstanceIds=" + instance
        + "&maxResults=10")).containsExactly(instance);
    assertThat(ids(as(ANALYST), "/engine-rest/history/variable-instance?processInstanceId="
        + instance + "&maxResults=10")).hasSize(2);

    assertThat(complete(ANALYST, queueTask)).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(complete(ANALYST, partyTask)).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(ANALYST).postForEntity("/engine-rest/task/{id}/claim",
        Map.of("userId", ANALYST), String.class, queueTask).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(ANALYST).exchange("/engine-rest/process-instance/{id}", HttpMethod.DELETE,
        null, String.class, instance).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(ANALYST).exchange("/engine-rest/process-instance/{id}/variables/note",
        HttpMethod.PUT, jsonEntity(Map.of("value", "x", "type", "String")), String.class, instance)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(ANALYST).postForEntity("/engine-rest/process-definition/key/{key}/start",
        Map.of(), String.class, PROBE).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(taskService.createTaskQuery().processInstanceId(instance).count()).isEqualTo(2);
    assertThat(runtimeService.getVariable(instance, "note")).isNull();
  }

  @Test
  void engineRestNeedsAValidLogin() {
    assertThat(rest.getForEntity("/engine-rest/task?maxResults=1", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth(LOCKED_OUT, "wrong").getForEntity("/engine-rest/task?maxResults=1",
        String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(as(BUYER).getForEntity("/engine-rest/task?maxResults=1", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void healthIsOpenAndMetricsAreForAnalystsAndAdmins() {
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(rest.getForEntity("/actuator/metrics", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth(LOCKED_OUT, "wrong").getForEntity("/actuator/metrics",
        String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(as(BUYER).getForEntity("/actuator/metrics", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(MEDIATOR).getForEntity("/actuator/metrics/jvm.memory.used", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(ANALYST).getForEntity("/actuator/metrics/jvm.memory.used", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    // Spring Boot tests switch metric export off, so the Prometheus endpoint itself is absent
    // here; the login in front of it is not.
    assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(as(BUYER).getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void webappsKeepTheirOwnLoginAndApplicationAccess() {
    assertThat(webappLogin(BUYER, "tasklist")).isEqualTo(HttpStatus.OK);
    assertThat(webappLogin(BUYER, "cockpit")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(webappLogin(ANALYST, "cockpit")).isEqualTo(HttpStatus.OK);
    assertThat(webappLogin(MEDIATOR, "cockpit")).isEqualTo(HttpStatus.OK);
    assertThat(webappLogin(MEDIATOR, "admin")).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void setupIsIdempotentAndRestoresTheDeclaredGrants() {
    long before = authorizationService.createAuthorizationQuery().count();
    Authorization buyersCreate = authorizationService.createAuthorizationQuery()
        .groupIdIn(PlatformGroups.BUYERS).resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(Authorization.ANY).singleResult();
    buyersCreate.addPermission(ProcessInstancePermissions.DELETE);
    authorizationService.saveAuthorization(buyersCreate);

    identitySetup.ensureGroupsAndGrants();
    identitySetup.ensureGroupsAndGrants();

    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(before);
    Authorization restored = authorizationService.createAuthorizationQuery()
        .groupIdIn(PlatformGroups.BUYERS).resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(Authorization.ANY).singleResult();
    assertThat(restored.isPermissionGranted(ProcessInstancePermissions.CREATE)).isTrue();
    assertThat(restored.isPermissionGranted(ProcessInstancePermissions.DELETE)).isFalse();
    for (String group : PlatformGroups.ALL) {
      assertThat(identityService.createGroupQuery().groupId(group).count()).as(group).isOne();
    }
    assertThat(authorizationService.createAuthorizationQuery()
        .groupIdIn(PlatformGroups.CAMUNDA_ADMIN).resourceType(Resources.AUTHORIZATION)
        .singleResult().isPermissionGranted(Permissions.ALL)).isTrue();
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, TestUsers.PASSWORD);
  }

  private String startProbe(String buyerId, String sellerId) {
    return runtimeService.startProcessInstanceByKey(PROBE,
        Map.of("buyerId", buyerId, "sellerId", sellerId)).getId();
  }

  private Task task(String processInstanceId, String taskDefinitionKey) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskDefinitionKey).singleResult();
  }

  private HttpStatus complete(String user, String taskId) {
    return HttpStatus.valueOf(as(user).postForEntity("/engine-rest/task/{id}/complete",
        jsonEntity(Map.of()), String.class, taskId).getStatusCode().value());
  }

  private static List<String> ids(TestRestTemplate client, String url) {
    ResponseEntity<JsonNode> response = client.getForEntity(url, JsonNode.class);
    assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
    List<String> ids = new ArrayList<>();
    response.getBody().forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  private static HttpEntity<Object> jsonEntity(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  /**
   * Logs in like the webapp's login page does: the page hands out a session and a CSRF token,
   * the login form posts both. 403 means the user may not use that application.
   */
  private HttpStatus webappLogin(String user, String application) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
    headers.set(HttpHeaders.COOKIE, String.join("; ", page.getHeaders()
        .getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
        .toList()));
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", TestUsers.PASSWORD);
    return HttpStatus.valueOf(rest.postForEntity("/camunda/api/admin/auth/user/default/login/{app}",
        new HttpEntity<>(form, headers), String.class, application).getStatusCode().value());
  }
}
