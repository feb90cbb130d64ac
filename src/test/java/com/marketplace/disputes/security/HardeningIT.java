package com.marketplace.disputes.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketplace.disputes.identity.PlatformGroups;
import com.marketplace.disputes.support.HttpTest;
import com.marketplace.disputes.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hardening of the web layer, tried over HTTP as a stranger would, each refusal next to the
 * honest request it must leave alone: the closed first-user setup, the request size limit (engine
 * REST multipart included), basic credentials from a foreign site, password guessing against the
 * marketplace's system account, TLS-only headers and cookies, and Object variables of types the
 * engine must not build. A reverse proxy is simulated with X-Forwarded-For/-Proto
 * ({@code server.forward-headers-strategy=native} trusts them from loopback only).
 */
// Behind a simulated proxy, with a long first wait after wrong passwords: set in HttpTest.
@HttpTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HardeningIT {

  // Users of this class only: it locks them out on purpose, and HostileEngineIT shares the
  // Spring context and its users' database.
  private static final String ADMIN = "hdadmin";
  private static final String MARKET = "hdmarket";
  private static final String BUYER = "hdbuyer";
  private static final String PROBE = "hardeningProbe";
  private static final int MB = 1024 * 1024;
  /** disputes.http.max-request-size's default. */
  private static final int LIMIT = 11 * MB;

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;

  private String instance;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder as(String user, String path) {
    return HttpRequest.newBuilder(URI.create(url(path)))
        .header("Authorization", basic(user, TestUsers.PASSWORD));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @BeforeEach
  void probeInstance() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROBE).count() == 0) {
      repositoryService.createDeployment().addModelInstance(PROBE + ".bpmn",
          Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
              .startEvent().userTask("Wait").endEvent().done()).deploy();
    }
    instance = runtimeService.startProcessInstanceByKey(PROBE).getId();
  }

  private void users() {
    TestUsers users = new TestUsers(identityService);
    users.user(ADMIN, Groups.CAMUNDA_ADMIN);
    users.user(MARKET, PlatformGroups.MARKETPLACE);
    users.user(BUYER, PlatformGroups.BUYERS);
  }

  // --- the first-user setup ---------------------------------------------------------------

  @Test
  @Order(1)
  void theFirstUserSetupIsRefusedEvenWhileNoAdministratorExists() throws Exception {
    // Camunda's setup answers only while camunda-admin has no member. Classes that ran before in
    // this Spring context made administrators: they are no members while this runs.
    List<String> admins = identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN)
        .list().stream().map(User::getId).toList();
    admins.forEach(id -> identityService.deleteMembership(id, Groups.CAMUNDA_ADMIN));
    try {
      assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count())
          .isZero();
      assertThat(FirstUserSetup.tryCreate(url(""), "eve")).isEqualTo(403);
      assertThat(identityService.createUserQuery().userId("eve").count()).isZero();
      assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count())
          .isZero();
    } finally {
      admins.forEach(id -> identityService.createMembership(id, Groups.CAMUNDA_ADMIN));
    }
  }

  // --- request size -----------------------------------------------------------------------

  private static byte[] multipart(String boundary, String name, String fileName, byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
        + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private HttpRequest.Builder binaryVariable(String name, HttpRequest.BodyPublisher body) {
    return as(ADMIN, "/engine-rest/process-instance/" + instance + "/variables/" + name + "/data")
        .header("Content-Type", "multipart/form-data; boundary=b0undary")
        .header("X-Requested-By", "hardening-test")
        .POST(body);
  }

  @Test
  void aBinaryVariableWithinTheLimitIsStoredAndOneBeyondIsRefusedUnread() throws Exception {
    users();
    byte[] small = multipart("b0undary", "data", "small.bin", new byte[100_000]);
    assertThat(send(binaryVariable("small", HttpRequest.BodyPublishers.ofByteArray(small)))
        .statusCode()).isEqualTo(204);
    assertThat((byte[]) runtimeService.getVariable(instance, "small")).hasSize(100_000);

    // 60 MB declared in Content-Length: refused before a byte is read.
    byte[] huge = multipart("b0undary", "data", "huge.bin", new byte[60 * MB]);
    assertThat(send(binaryVariable("huge", HttpRequest.BodyPublishers.ofByteArray(huge)))
        .statusCode()).isEqualTo(413);
    assertThat(runtimeService.getVariable(instance, "huge")).isNull();

    // Without a Content-Length (chunked): counted while the engine reads it, refused past it.
    byte[] chunked = multipart("b0undary", "data", "chunked.bin", new byte[LIMIT + MB]);
    assertThat(send(binaryVariable("chunked", HttpRequest.BodyPublishers.ofInputStream(
        () -> new ByteArrayInputStream(chunked)))).statusCode()).isEqualTo(413);
    assertThat(runtimeService.getVariable(instance, "chunked")).isNull();
  }

  @Test
  void aDeploymentBeyondTheLimitIsRefused() throws Exception {
    users();
    byte[] big = multipart("b0undary", "big.bpmn", "big.bpmn", new byte[LIMIT + MB]);
    HttpResponse<String> refused = send(as(ADMIN, "/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=b0undary")
        .header("X-Requested-By", "hardening-test")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
    assertThat(refused.statusCode()).isEqualTo(413);
  }

  // --- basic credentials from another site ------------------------------------------------

  private HttpRequest.Builder setNote(String value) {
    return as(ADMIN, "/engine-rest/process-instance/" + instance + "/variables")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"modifications\":{\"note\":{\"value\":\"" + value + "\"}}}"));
  }

  @Test
  void aJsonWriteWithBasicCredentialsPassesUnlessAnotherSiteSentIt() throws Exception {
    users();
    assertThat(send(setNote("honest")).statusCode()).isEqualTo(204);
    assertThat(runtimeService.getVariable(instance, "note")).isEqualTo("honest");
    assertThat(send(setNote("same-site").header("Origin", url(""))).statusCode())
        .isEqualTo(204);

    assertThat(send(setNote("forged").header("Origin", "https://evil.example")).statusCode())
        .isEqualTo(403);
    assertThat(send(setNote("forged").header("Origin", "null")).statusCode()).isEqualTo(403);
    assertThat(send(setNote("forged").header("Referer", "https://evil.example/page"))
        .statusCode()).isEqualTo(403);
    assertThat(runtimeService.getVariable(instance, "note")).isEqualTo("same-site");
  }

  private HttpRequest.Builder deploy(String name) {
    String boundary = "f0rm";
    String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("csrf" + name)
        .camundaHistoryTimeToLive(1).startEvent().endEvent().done());
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\""
        + "\r\n\r\n" + name + "\r\n--" + boundary + "\r\nContent-Disposition: form-data;"
        + " name=\"data\"; filename=\"" + name + ".bpmn\"\r\nContent-Type: text/xml\r\n\r\n"
        + bpmn + "\r\n--" + boundary + "--\r\n";
    return as(ADMIN, "/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private long deployments(String name) {
    return repositoryService.createDeploymentQuery().deploymentName(name).count();
  }

  @Test
  void aFormPostWithBasicCredentialsNeedsAHeaderAFormCannotSend() throws Exception {
    users();
    // What another site's form can make an administrator's browser send: refused, nothing
    // deployed.
    assertThat(send(deploy("forged")).statusCode()).isEqualTo(403);
    assertThat(send(deploy("forged").header("Origin", "https://evil.example")
        .header("X-Requested-By", "x")).statusCode()).isEqualTo(403);
    assertThat(send(as(ADMIN, "/engine-rest/process-instance/" + instance + "/variables")
        .header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"modifications\":{\"note\":{\"value\":\"forged\"}}}"))).statusCode())
        .isEqualTo(403);
    assertThat(send(as(ADMIN, "/api/disputes/D-NONE/cancel")
        .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(403);
    assertThat(deployments("forged")).isZero();
    assertThat(runtimeService.getVariable(instance, "note")).isNull();

    // A script says who it is; a page of this service has its own origin.
    assertThat(send(deploy("scripted").header("X-Requested-By", "deploy-script")).statusCode())
        .isEqualTo(200);
    assertThat(send(deploy("samesite").header("Origin", url(""))).statusCode()).isEqualTo(200);
    assertThat(deployments("scripted")).isOne();
    assertThat(deployments("samesite")).isOne();
    // A DELETE cannot come from another site without a CORS preflight: no header needed.
    runtimeService.setVariable(instance, "gone", "soon");
    assertThat(send(as(ADMIN, "/engine-rest/process-instance/" + instance + "/variables/gone")
        .DELETE()).statusCode()).isEqualTo(204);
    assertThat(runtimeService.getVariable(instance, "gone")).isNull();
  }

  // --- password guessing --------------------------------------------------------------------

  private HttpRequest.Builder login(String user, String password, String fromAddress) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/engine-rest/user/"
        + user + "/profile"))).header("Authorization", basic(user, password));
    return fromAddress == null ? request : request.header("X-Forwarded-For", fromAddress);
  }

  @Test
  void elevenWrongPasswordsFromAStrangerLeaveTheMarketplaceAbleToLogIn() throws Exception {
    users();
    List<Integer> stranger = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      stranger.add(send(login(MARKET, "guess-" + i, "203.0.113.66")).statusCode());
    }
    // Five guesses reach the password check; then the stranger's address waits (429).
    assertThat(stranger.subList(0, 5)).containsOnly(401);
    assertThat(stranger.subList(5, 11)).containsOnly(429);
    assertThat(send(login(MARKET, TestUsers.PASSWORD, "203.0.113.66")).statusCode())
        .as("the stranger's address waits even with the right password").isEqualTo(429);

    // The marketplace, from its own address, logs in at once: the engine did not lock it.
    assertThat(send(login(MARKET, TestUsers.PASSWORD, null)).statusCode()).isEqualTo(200);
    assertThat(send(login(MARKET, TestUsers.PASSWORD, "198.51.100.7")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aPersonKeepsTheEnginesLockAndTheWebappLoginIsThrottledToo() throws Exception {
    users();
    // One wrong password locks a person for a few seconds (the engine's own rule, kept).
    assertThat(send(login(BUYER, "wrong", "203.0.113.70")).statusCode()).isEqualTo(401);
    assertThat(send(login(BUYER, TestUsers.PASSWORD, null)).statusCode()).isEqualTo(401);

    // The webapps' login form, with the CSRF token any page hands out.
    String[] csrf = FirstUserSetup.cookiesAndToken(url(""));
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      statuses.add(send(HttpRequest.newBuilder(URI.create(url(
              "/camunda/api/admin/auth/user/default/login/tasklist")))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("Cookie", csrf[0])
          .header("X-XSRF-TOKEN", csrf[1])
          .header("X-Forwarded-For", "203.0.113.71")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + MARKET + "&password=guess-" + i)))
          .statusCode());
    }
    assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429, 429);
    // From another address the right password still opens Tasklist's login (403: the
    // marketplace has no Tasklist access, but its password was accepted).
    assertThat(send(HttpRequest.newBuilder(URI.create(url(
            "/camunda/api/admin/auth/user/default/login/tasklist")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", csrf[0])
        .header("X-XSRF-TOKEN", csrf[1])
        .POST(HttpRequest.BodyPublishers.ofString("username=" + MARKET + "&password="
            + TestUsers.PASSWORD))).statusCode()).isEqualTo(403);
  }

  @Test
  void noUserCanTestOtherUsersPasswordsThroughTheEngineApi() throws Exception {
    users();
    String guess = "{\"username\":\"" + MARKET + "\",\"password\":\"" + TestUsers.PASSWORD
        + "\"}";
    HttpResponse<String> refused = send(as(BUYER, "/engine-rest/identity/verify")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(guess)));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("authenticated");
    // The engine API's other identity calls stay as they were.
    assertThat(send(as(BUYER, "/engine-rest/identity/groups?userId=" + BUYER).GET())
        .statusCode()).isEqualTo(200);
  }

  // --- TLS ----------------------------------------------------------------------------------

  @Test
  void overTlsEveryCookieIsSecureAndHstsIsSentButNotOverPlainHttp() throws Exception {
    HttpResponse<String> tls = send(HttpRequest.newBuilder(URI.create(url(
        "/camunda/app/tasklist/default/"))).header("X-Forwarded-Proto", "https"));
    assertThat(tls.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
    List<String> tlsCookies = tls.headers().allValues("Set-Cookie");
    assertThat(tlsCookies).anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN="))
        .anyMatch(cookie -> cookie.startsWith("JSESSIONID="))
        .allMatch(cookie -> cookie.matches("(?i).*;\\s*secure\\s*(;.*)?"));

    HttpResponse<String> plain = send(HttpRequest.newBuilder(URI.create(url(
        "/camunda/app/tasklist/default/"))));
    assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(plain.headers().allValues("Set-Cookie"))
        .anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN="))
        .noneMatch(cookie -> cookie.matches("(?i).*;\\s*secure\\s*(;.*)?"));
  }

  // --- Object variables ---------------------------------------------------------------------

  private HttpRequest.Builder putObject(String name, String type, String json) {
    String value = json.replace("\\", "\\\\").replace("\"", "\\\"");
    return as(ADMIN, "/engine-rest/process-instance/" + instance + "/variables/" + name)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"type\":\"Object\",\"value\":\"" + value
            + "\",\"valueInfo\":{\"objectTypeName\":\"" + type
            + "\",\"serializationDataFormat\":\"application/json\"}}"));
  }

  @Test
  void anObjectVariableOfATypeOutsideTheAllowedListIsRefusedOnWriteAndOnRead() throws Exception {
    users();
    HttpResponse<String> refused = send(putObject("host", "java.net.InetAddress",
        "\"127.0.0.1\""));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("java.net.InetAddress");
    assertThat(send(putObject("hosts", "java.util.ArrayList<java.net.InetAddress>",
        "[\"127.0.0.1\"]")).statusCode()).isEqualTo(400);
    assertThat(runtimeService.getVariables(instance)).doesNotContainKeys("host", "hosts");

    // The engine's baseline types are still fine.
    // (Longer than ten characters: Camunda's log message for a refused read cuts the value at
    // ten and fails on anything shorter, hiding the reason.)
    assertThat(send(putObject("names", "java.util.ArrayList<java.lang.String>",
        "[\"alpha\",\"beta\"]")).statusCode()).isEqualTo(204);
    HttpResponse<String> read = send(as(ADMIN, "/engine-rest/process-instance/" + instance
        + "/variables/names").GET());
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains("alpha", "beta");

    // A stored value whose type name was changed behind the engine's back (as an older
    // version, or a write this guard did not see, could have left it) is not built on read.
    jdbc.update("update ACT_RU_VARIABLE set TEXT2_ = ? where PROC_INST_ID_ = ? and NAME_ = ?",
        "java.net.InetAddress", instance, "names");
    HttpResponse<String> notBuilt = send(as(ADMIN, "/engine-rest/process-instance/" + instance
        + "/variables/names").GET());
    assertThat(notBuilt.statusCode()).as(notBuilt.body()).isGreaterThanOrEqualTo(400);
    assertThat(notBuilt.body()).as(notBuilt.body()).contains("java.net.InetAddress");
    assertThat(send(as(ADMIN, "/engine-rest/process-instance/" + instance
        + "/variables/names?deserializeValue=false").GET()).statusCode()).isEqualTo(200);
  }
}
