package com.marketplace.disputes.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What the {@link HttpTest} classes send: JSON over HTTP as a test user, logged in with HTTP
 * basic, and the variables body of the engine REST API. A bean of every test context; only an
 * {@link HttpTest} context has the server it calls.
 */
@Component
public class ApiCalls {

  private final ObjectProvider<TestRestTemplate> rest;
  private final TestUsers users;

  public ApiCalls(ObjectProvider<TestRestTemplate> rest, IdentityService identityService) {
    this.rest = rest;
    this.users = new TestUsers(identityService);
  }

  /** A user to call as, in the groups given (see {@link TestUsers#user}). */
  public String user(String userId, String... groupIds) {
    return users.user(userId, groupIds);
  }

  /** Sends {@code body} as JSON, logged in as {@code user} (null: anonymous); reads JSON. */
  public ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (user != null) {
      headers.setBasicAuth(user, TestUsers.PASSWORD);
    }
    return rest.getObject().exchange(path, method, new HttpEntity<>(body, headers),
        JsonNode.class);
  }

  /**
   * Opens a dispute for {@code orderId} as its buyer, through the engine REST API as the start
   * form does, with {@link DisputeDriver#claim} (without {@code buyerId}, which only the
   * marketplace names); answers the started instance ({@code id}, {@code businessKey}, the
   * dispute id). Its asynchronous steps are still to run.
   */
  public JsonNode openDispute(String buyer, String orderId) {
    Map<String, Object> claim = DisputeDriver.claim(orderId, buyer);
    claim.remove("buyerId");
    ResponseEntity<JsonNode> started = call(buyer, HttpMethod.POST,
        "/engine-rest/process-definition/key/disputeMediation/start", variables(claim));
    if (!started.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException("dispute not opened: " + started.getBody());
    }
    return started.getBody();
  }

  /** The body that starts a process or completes a task: each value as {"value": ...}. */
  public static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> vars = new LinkedHashMap<>();
    values.forEach((name, value) -> vars.put(name, Map.of("value", value)));
    return Map.of("variables", vars);
  }
}
