package com.marketplace.disputes.cluster;

import static com.marketplace.disputes.cluster.DisputeLoad.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplace.disputes.cluster.DisputeLoad.Outcome;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two application nodes, each in its own JVM with its job executor on, sharing one real
 * PostgreSQL database, as in production behind a load balancer.
 *
 * <p>The tests run in order on the same two nodes: both start together on an empty database,
 * share web sessions, split a storm of 500 due deadlines; then node A is killed while it holds
 * locked jobs, and finally the database goes away under node B and comes back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ClusterIT {

  /** Short, so that a dead node's jobs come free within the test. */
  static final Duration LOCK_TIME = Duration.ofSeconds(15);

  static final ObjectMapper JSON = new ObjectMapper();

  TestPostgres postgres;
  ClusterNode nodeA;
  ClusterNode nodeB;
  DisputeLoad load;

  @BeforeAll
  void startTwoNodesTogether() {
    postgres = TestPostgres.start();
    load = new DisputeLoad(postgres.dataSource());
    Path logs = Path.of("target", "cluster-nodes", "ClusterIT");
    nodeA = node("node-a").start(logs);
    nodeB = node("node-b").start(logs);
    CompletableFuture<ClusterNode> readyA =
        CompletableFuture.supplyAsync(() -> nodeA.awaitReady(Duration.ofMinutes(4)));
    nodeB.awaitReady(Duration.ofMinutes(4));
    readyA.join();
  }

  private ClusterNode.Spec node(String name) {
    return new ClusterNode.Spec(name, postgres.jdbcUrl())
        // Faster start-up on two cores; steady-state speed does not matter here.
        .jvmOption("-XX:TieredStopAtLevel=1")
        .property("camunda.bpm.job-execution.lock-time-in-millis", LOCK_TIME.toMillis())
        .property("camunda.bpm.job-execution.wait-time-in-millis", 1000)
        .property("camunda.bpm.job-execution.max-wait", 2000)
        // A notice that failed while the database was away is tried again soon.
        .property("disputes.notices.dispatch.first-retry", "PT2S");
  }

  @AfterAll
  void stopEverything() {
    for (ClusterNode node : new ClusterNode[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @Order(1)
  void bothNodesStartedTogetherOnAnEmptyDatabaseAndDeployedOnce() {
    assertThat(nodeA.isHealthy()).isTrue();
    assertThat(nodeB.isHealthy()).isTrue();
    assertThat(load.jdbc().sql("""
        select key_, count(*) from act_re_procdef group by key_ having count(*) > 1""")
        .query().listOfRows()).isEmpty();
    assertThat(load.jdbc().sql(
        "select count(*) from act_re_procdef where key_ = 'disputeMediation'")
        .query(Long.class).single()).isEqualTo(1);
    assertThat(load.jdbc().sql("select count(*) from act_id_user where id_ = 'admin'")
        .query(Long.class).single()).isEqualTo(1);
  }

  @Test
  @Order(2)
  void aWebappLoginOnOneNodeIsValidOnTheOther() throws Exception {
    WebappBrowser browser = new WebappBrowser();

    browser.get(nodeA, "/camunda/api/admin/auth/user/default");
    HttpResponse<String> login = browser.postForm(nodeA,
        "/camunda/api/admin/auth/user/default/login/cockpit",
        "username=" + ClusterNode.ADMIN + "&password=" + ClusterNode.ADMIN_PASSWORD);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    browser.get(nodeA, "/camunda/api/admin/auth/user/default");

    HttpResponse<String> whoAmI = browser.get(nodeB, "/camunda/api/admin/auth/user/default");
    assertThat(whoAmI.statusCode()).isEqualTo(200);
    assertThat(whoAmI.body()).contains("\"userId\":\"admin\"");
    // A modifying request on B carries the CSRF token node A put into the session.
    HttpResponse<String> count = browser.postJson(nodeB,
        "/camunda/api/engine/engine/default/process-instance/count", "{}");
    assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
    assertThat(count.body()).contains("\"count\"");
    // Our own API, as the Tasklist forms call it from the browser: logged in by the same session.
    HttpResponse<String> disputes = browser.get(nodeB, "/api/disputes");
    assertThat(disputes.statusCode()).as(disputes.body()).isEqualTo(200);

    HttpResponse<String> logout = browser.postForm(nodeB,
        "/camunda/api/admin/auth/user/default/logout", "");
    assertThat(logout.statusCode()).isEqualTo(200);
    assertThat(browser.get(nodeA, "/camunda/api/admin/auth/user/default").statusCode())
        .isNotEqualTo(200);
  }

  @Test
  @Order(3)
  void fiveHundredDueDeadlinesEscalateExactlyOnceAndBothNodesShareTheWork() throws Exception {
    List<String> disputes = load.submit(500, List.of(nodeA, nodeB));
    await("500 disputes wait for the seller", Duration.ofMinutes(3),
        () -> load.waitingAt("RespondToDispute", disputes) == 500);
    Map<String, Outcome> before = load.outcomes(disputes);

    long start = System.nanoTime();
    assertThat(load.makeSellerDeadlineDue(disputes)).isEqualTo(500);
    await("500 escalations with their notices", Duration.ofMinutes(4),
        () -> load.outcomes(disputes).values().stream().allMatch(o -> o.noticesSent() == 1));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    Map<String, Outcome> after = load.outcomes(disputes);
    assertThat(after).hasSize(500);
    for (Outcome outcome : after.values()) {
      Outcome earlier = before.get(outcome.processInstanceId());
      assertThat(outcome.escalations()).as(outcome.disputeId()).isEqualTo(1);
      assertThat(outcome.timelineEntries()).as(outcome.disputeId())
          .isEqualTo(earlier.timelineEntries() + 1);
      assertThat(outcome.refunds()).as(outcome.disputeId()).isZero();
      assertThat(outcome.noticesSent()).as(outcome.disputeId()).isEqualTo(1);
      assertThat(outcome.deadlineJobsDone()).as(outcome.disputeId()).isEqualTo(1);
      assertThat(outcome.status()).as(outcome.disputeId()).isEqualTo("IN_MEDIATION");
    }
    assertThat(load.escalated(disputes)).isEqualTo(500);
    Map<String, Long> byNode = load.jobsByNode(disputes);
    // One job per escalation: the deadline timer, whose transaction also writes the notices.
    assertThat(byNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(500);
    assertThat(byNode.keySet()).containsExactlyInAnyOrder("node-a", "node-b");
    assertThat(byNode.values()).allMatch(jobs -> jobs > 0);
    System.out.printf("Storm of 500 seller deadlines on two nodes: %d ms, jobs by node %s%n",
        took.toMillis(), byNode);

    // The dispute API reads our timestamp-with-time-zone columns into OffsetDateTime.
    String disputeId = after.values().iterator().next().disputeId();
    HttpResponse<String> shown = nodeB.get("/api/disputes/" + disputeId, ClusterNode.ADMIN);
    assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
    JsonNode dispute = JSON.readTree(shown.body());
    assertThat(OffsetDateTime.parse(dispute.at("/dispute/escalatedAt").asText()))
        .isAfterOrEqualTo(OffsetDateTime.parse(dispute.at("/dispute/openedAt").asText()));
    assertThat(dispute.at("/timeline").findValuesAsText("eventType")).contains("ESCALATED");
  }

  @Test
  @Order(4)
  void aKilledNodesLockedJobsAreDoneByTheOtherNodeAfterTheLockExpires() throws Exception {
    List<String> disputes = load.submit(60, List.of(nodeB));
    await("60 disputes wait for the seller", Duration.ofMinutes(2),
        () -> load.waitingAt("RespondToDispute", disputes) == 60);
    // A's escalations hang inside their transactions; B's are slow, so both hold locks. B holds
    // at most 32 jobs at once (8 threads, a queue of 16, 8 run by its acquisition thread) and
    // frees 8 every 2 s, so jobs are still free when A polls (every 2 s at most). A job waiting
    // in B's queue is done within 6 s, well inside the 15 s lock. (At 300 ms B could take all 60
    // before A's first poll on a loaded machine, and A held none.)
    assertThat(nodeA.post("/cluster-test/escalation-delay?millis=600000").statusCode())
        .isEqualTo(200);
    assertThat(nodeB.post("/cluster-test/escalation-delay?millis=2000").statusCode())
        .isEqualTo(200);

    load.makeSellerDeadlineDue(disputes);
    await("node A holds locked jobs", Duration.ofMinutes(1), () -> lockedBy("node-a") >= 8);
    nodeA.kill();

    List<Map<String, Object>> heldByA = load.jdbc().sql("""
        select id_, lock_exp_time_ from act_ru_job where lock_owner_ = 'node-a'""")
        .query().listOfRows();
    assertThat(heldByA).hasSizeGreaterThanOrEqualTo(8);
    List<String> heldJobIds = heldByA.stream().map(row -> (String) row.get("id_")).toList();
    Timestamp firstExpiry = heldByA.stream().map(row -> (Timestamp) row.get("lock_exp_time_"))
        .min(Timestamp::compareTo).orElseThrow();

    assertThat(nodeB.post("/cluster-test/escalation-delay?millis=0").statusCode()).isEqualTo(200);
    await("all 60 escalated after A's locks expired", LOCK_TIME.plus(Duration.ofMinutes(2)),
        () -> load.outcomes(disputes).values().stream().allMatch(o -> o.noticesSent() == 1));

    for (Outcome outcome : load.outcomes(disputes).values()) {
      assertThat(outcome.escalations()).as(outcome.disputeId()).isEqualTo(1);
      assertThat(outcome.noticesSent()).as(outcome.disputeId()).isEqualTo(1);
      assertThat(outcome.deadlineJobsDone()).as(outcome.disputeId()).isEqualTo(1);
    }
    List<Map<String, Object>> doneHeldJobs = load.jdbc().sql("""
        select hostname_, timestamp_ from act_hi_job_log
        where job_state_ = 2 and job_id_ in (:ids)""")
        .param("ids", heldJobIds).query().listOfRows();
    assertThat(doneHeldJobs).hasSize(heldJobIds.size());
    assertThat(doneHeldJobs).allSatisfy(row -> {
      assertThat(row.get("hostname_")).isEqualTo("node-b");
      assertThat((Timestamp) row.get("timestamp_")).isAfterOrEqualTo(firstExpiry);
    });
  }

  @Test
  @Order(5)
  void theNodeRecoversByItselfWhenTheDatabaseComesBackAndLosesNoDispute() throws Exception {
    List<String> disputes = load.submit(20, List.of(nodeB));
    await("20 disputes wait for the seller", Duration.ofMinutes(1),
        () -> load.waitingAt("RespondToDispute", disputes) == 20);
    // Escalations are under way (slowly) when the database goes.
    assertThat(nodeB.post("/cluster-test/escalation-delay?millis=1000").statusCode())
        .isEqualTo(200);
    load.makeSellerDeadlineDue(disputes);
    await("node B is escalating", Duration.ofMinutes(1), () -> lockedBy("node-b") > 0);

    postgres.stop();
    await("node B reports the database down", Duration.ofMinutes(1), () -> !nodeB.isHealthy());
    // A request the node cannot store is refused, so the caller knows to send it again.
    assertThatThrownBy(() -> load.submit(nodeB, "T-during-outage", "buyer-outage"))
        .hasMessageContaining("answered 5");
    assertThat(nodeB.post("/cluster-test/escalation-delay?millis=0").statusCode()).isEqualTo(200);
    ClusterNode.sleep(Duration.ofSeconds(10));
    postgres.restart();

    await("node B is healthy again", Duration.ofMinutes(1), nodeB::isHealthy);
    await("all 20 escalated", LOCK_TIME.plus(Duration.ofMinutes(2)),
        () -> load.outcomes(disputes).values().stream().allMatch(o -> o.noticesSent() == 1));
    Map<String, Outcome> outcomes = load.outcomes(disputes);
    assertThat(outcomes).hasSize(20);
    for (Outcome outcome : outcomes.values()) {
      assertThat(outcome.escalations()).as(outcome.disputeId()).isEqualTo(1);
      assertThat(outcome.noticesSent()).as(outcome.disputeId()).isEqualTo(1);
      assertThat(outcome.status()).as(outcome.disputeId()).isEqualTo("IN_MEDIATION");
    }
    List<String> afterwards = load.submit(1, List.of(nodeB));
    await("a new dispute is taken", Duration.ofMinutes(1),
        () -> load.waitingAt("RespondToDispute", afterwards) == 1);
  }

  private long lockedBy(String node) {
    return load.jdbc().sql("""
        select count(*) from act_ru_job
        where lock_owner_ = :node and lock_exp_time_ > (now() at time zone 'UTC')""")
        .param("node", node).query(Long.class).single();
  }

  /** A browser behind a load balancer: one cookie jar, requests to whichever node. */
  static final class WebappBrowser {

    private final HttpClient http = HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    private String csrfToken;

    HttpResponse<String> get(ClusterNode node, String path) throws IOException {
      return send(base(node, path).GET());
    }

    HttpResponse<String> postForm(ClusterNode node, String path, String form) throws IOException {
      return send(base(node, path).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)));
    }

    HttpResponse<String> postJson(ClusterNode node, String path, String json) throws IOException {
      return send(base(node, path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder base(ClusterNode node, String path) {
      // Cookies are not port-bound: the jar sends node A's session cookie to node B as well.
      HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
          .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
      if (csrfToken != null) {
        builder.header("X-XSRF-TOKEN", csrfToken);
      }
      return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
      try {
        HttpResponse<String> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
        return response;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
  }
}
