package com.marketplace.disputes.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.HttpTest;
import com.marketplace.disputes.support.TestOrders;
import com.marketplace.disputes.support.TestUsers;
import com.marketplace.disputes.support.WebappSession;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Evidence over HTTP as the forms and the marketplace use it: uploads refused by content and
 * size without a trace, attached to a dispute only by the step that submits them, readable by
 * the parties and staff only, and never in the engine's variables or history.
 */
// Its small upload limits are set in HttpTest.
@HttpTest
class EvidenceIT {

  private static final AtomicInteger BUYERS = new AtomicInteger();
  private static final String OTHER_BUYER = "eotherbuyer";
  private static final String SELLER = "eseller";
  private static final String ANALYST = "eanalyst";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired TestOrders orders;
  @Autowired DisputeDriver driver;
  @Autowired EvidenceStore store;
  @Autowired JdbcClient jdbc;

  /** A buyer of this test alone: uploads staged by other tests do not count against its limits. */
  String buyer;
  String orderId;

  @BeforeEach
  void setUp() {
    TestUsers users = new TestUsers(identityService);
    buyer = users.user("ebuyer" + BUYERS.incrementAndGet(), "buyers");
    users.user(OTHER_BUYER, "buyers");
    users.user(SELLER, "sellers");
    users.user(ANALYST, "analysts");
    orderId = orders.eligible(buyer, SELLER, "49.90");
  }

  /** A JPEG of the given size: the JPEG signature, then filler. */
  private static byte[] jpeg(int size) {
    byte[] content = new byte[size];
    Arrays.fill(content, (byte) 0x42);
    content[0] = (byte) 0xFF;
    content[1] = (byte) 0xD8;
    content[2] = (byte) 0xFF;
    return content;
  }

  private ResponseEntity<JsonNode> upload(String user, String name, byte[] content,
      String disputeId) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, TestUsers.PASSWORD);
    headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    return rest.exchange("/api/evidence?name={name}" + (disputeId == null ? "" : "&disputeId=" + disputeId),
        HttpMethod.POST, new HttpEntity<>(content, headers), JsonNode.class, name);
  }

  private long staged(String user, String name) {
    ResponseEntity<JsonNode> uploaded = upload(user, name, jpeg(20_000), null);
    assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return uploaded.getBody().get("id").asLong();
  }

  private ResponseEntity<byte[]> download(String user, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, TestUsers.PASSWORD);
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }

  private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, TestUsers.PASSWORD);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  /** Starts a dispute over the engine REST API as a form does: uploads named transiently. */
  private ResponseEntity<JsonNode> startWithEvidence(String evidenceIds) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("orderId", Map.of("value", orderId));
    vars.put("reason", Map.of("value", "NOT_RECEIVED"));
    vars.put("itemReceived", Map.of("value", false));
    vars.put("description", Map.of("value", "Tracking stopped two weeks ago and nothing came."));
    vars.put("requestedResolution", Map.of("value", "FULL_REFUND"));
    vars.put("evidenceIds", Map.of("value", evidenceIds, "type", "String",
        "valueInfo", Map.of("transient", true)));
    return call(buyer, HttpMethod.POST,
        "/engine-rest/process-definition/key/disputeMediation/start", Map.of("variables", vars));
  }

  private long rowsUploadedBy(String user) {
    return jdbc.sql("select count(*) from evidence where uploaded_by = :user")
        .param("user", user).query(Long.class).single();
  }

  @Test
  void aScriptNamedLikeAPhotoIsRefusedAndNothingIsStored() {
    long before = rowsUploadedBy(buyer);
    ResponseEntity<JsonNode> refused = upload(buyer, "photo.jpg",
        "<script>alert(document.cookie)</script>".getBytes(), null);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(refused.getBody().get("detail").asText())
        .contains("photo.jpg is not an accepted kind of file", "nothing was stored");
    assertThat(rowsUploadedBy(buyer)).isEqualTo(before);
  }

  @Test
  void aFileOverTheLimitIsRefusedAndNothingIsStored() {
    long before = rowsUploadedBy(buyer);
    ResponseEntity<JsonNode> refused = upload(buyer, "big.jpg", jpeg(64 * 1024 + 1), null);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(refused.getBody().get("detail").asText())
        .contains("big.jpg is larger than 64 KB, the limit per file");
    assertThat(rowsUploadedBy(buyer)).isEqualTo(before);
    assertThat(upload(buyer, "fits.jpg", jpeg(64 * 1024), null).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void startingADisputeAttachesItsUploadsAndOnlyThePartiesAndStaffSeeThem() {
    long photo = staged(buyer, "parcel.jpg");
    JsonNode started = startWithEvidence(String.valueOf(photo)).getBody();
    String disputeId = started.get("businessKey").asText();
    String instanceId = started.get("id").asText();

    Evidence attached = store.find(photo).orElseThrow();
    assertThat(attached.disputeId()).isEqualTo(disputeId);
    assertThat(attached.uploaderRole()).isEqualTo("BUYER");
    assertThat(call(buyer, HttpMethod.GET, "/api/disputes/" + disputeId, null).getBody()
        .get("timeline").findValuesAsText("eventType")).contains("EVIDENCE_ADDED");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableName("evidenceIds").count()).as("the ids were transient").isZero();
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(instanceId).list())
        .noneMatch(detail -> detail.toString().contains("evidenceIds"));

    JsonNode listed = call(SELLER, HttpMethod.GET, "/api/disputes/" + disputeId + "/evidence", null)
        .getBody();
    assertThat(listed).singleElement().satisfies(item -> {
      assertThat(item.get("fileName").asText()).isEqualTo("parcel.jpg");
      assertThat(item.get("image").asBoolean()).isTrue();
    });
    ResponseEntity<byte[]> file = download(SELLER, "/api/evidence/" + photo);
    assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(file.getBody()).isEqualTo(jpeg(20_000));
    assertThat(file.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
    assertThat(file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .startsWith("inline").contains("parcel.jpg");
    assertThat(file.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(file.getHeaders().getFirst("Content-Security-Policy")).contains("sandbox");
    assertThat(download(SELLER, "/api/evidence/" + photo + "?download=true").getHeaders()
        .getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");
    assertThat(download(ANALYST, "/api/evidence/" + photo).getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(download(OTHER_BUYER, "/api/evidence/" + photo).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(call(OTHER_BUYER, HttpMethod.GET, "/api/disputes/" + disputeId + "/evidence", null)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(upload(OTHER_BUYER, "mine.jpg", jpeg(1000), disputeId).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void someoneElsesUploadFailsTheStartAndChangesNothing() {
    long theirs = staged(OTHER_BUYER, "theirs.jpg");
    ResponseEntity<JsonNode> refused = startWithEvidence(String.valueOf(theirs));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").asText()).contains("evidenceIds", "not yours");
    assertThat(store.find(theirs).orElseThrow().isStaged()).isTrue();
    assertThat(jdbc.sql("select count(*) from dispute where order_id = :order")
        .param("order", orderId).query(Long.class).single()).as("no dispute was started").isZero();
  }

  @Test
  void aTaskFormAttachesTheSellersUploadsWhenTheTaskCompletes() {
    String instanceId = startWithEvidence("").getBody().get("id").asText();
    driver.runAsync(instanceId);
    String disputeId = driver.variables(instanceId).get("disputeId").toString();
    ResponseEntity<JsonNode> proof = upload(SELLER, "shipping-proof.jpg", jpeg(30_000), disputeId);
    assertThat(proof.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long proofId = proof.getBody().get("id").asLong();
    assertThat(store.find(proofId).orElseThrow().isStaged()).as("not before the form is submitted")
        .isTrue();

    String taskId = driver.task(instanceId, "RespondToDispute").getId();
    Map<String, Object> vars = Map.of(
        "sellerResponse", Map.of("value", "REJECT"),
        "sellerComment", Map.of("value", "Delivered on time; see the carrier's proof."),
        "evidenceIds", Map.of("value", String.valueOf(proofId), "type", "String",
            "valueInfo", Map.of("transient", true)));
    assertThat(call(SELLER, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", vars)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    Evidence attached = store.find(proofId).orElseThrow();
    assertThat(attached.disputeId()).isEqualTo(disputeId);
    assertThat(attached.uploaderRole()).isEqualTo("SELLER");
    assertThat(download(buyer, "/api/evidence/" + proofId).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aDisputesFilesTogetherStayUnderTheLimit() {
    String instanceId = startWithEvidence("").getBody().get("id").asText();
    String disputeId = driver.variables(instanceId).get("disputeId").toString();
    long before = rowsUploadedBy(buyer);
    assertThat(upload(buyer, "one.jpg", jpeg(40_000), disputeId).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(upload(buyer, "two.jpg", jpeg(40_000), disputeId).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    ResponseEntity<JsonNode> refused = upload(buyer, "three.jpg", jpeg(40_000), disputeId);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(refused.getBody().get("detail").asText())
        .contains("three.jpg would take this dispute's evidence over 100 KB");
    assertThat(rowsUploadedBy(buyer)).isEqualTo(before + 2);
  }

  @Test
  void pdfsAreAlwaysDownloadedNeverOpenedInTheApplication() {
    ResponseEntity<JsonNode> pdf = upload(buyer, "tracking.pdf", "%PDF-1.7\n%âãÏÓ\n".getBytes(), null);
    long id = pdf.getBody().get("id").asLong();
    assertThat(pdf.getBody().get("contentType").asText()).isEqualTo("application/pdf");
    ResponseEntity<byte[]> file = download(buyer, "/api/evidence/" + id);
    assertThat(file.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .startsWith("attachment").contains("tracking.pdf");
  }

  @Test
  void anUnsubmittedUploadCanBeTakenBackAnAttachedOneCannot() {
    long draft = staged(buyer, "draft.jpg");
    assertThat(download(OTHER_BUYER, "/api/evidence/" + draft).getStatusCode())
        .as("a staged upload is its uploader's alone").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(call(OTHER_BUYER, HttpMethod.DELETE, "/api/evidence/" + draft, null).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(call(buyer, HttpMethod.DELETE, "/api/evidence/" + draft, null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(store.find(draft)).isEmpty();

    long kept = staged(buyer, "kept.jpg");
    startWithEvidence(String.valueOf(kept));
    assertThat(call(buyer, HttpMethod.DELETE, "/api/evidence/" + kept, null).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void aWebappSessionReadsTheApiAndWritesOnlyWithItsCsrfToken() {
    WebappSession login = WebappSession.login(rest, buyer, "tasklist");
    HttpHeaders session = new HttpHeaders();
    session.add(HttpHeaders.COOKIE, login.cookies());
    ResponseEntity<JsonNode> mine = rest.exchange("/api/orders", HttpMethod.GET,
        new HttpEntity<>(session), JsonNode.class);
    assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(mine.getBody().findValuesAsText("orderId")).contains(orderId);

    session.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    assertThat(rest.exchange("/api/evidence?name=a.jpg", HttpMethod.POST,
        new HttpEntity<>(jpeg(100), session), String.class).getStatusCode())
        .as("no CSRF token").isEqualTo(HttpStatus.FORBIDDEN);
    long before = rowsUploadedBy(buyer);
    session.add("X-XSRF-TOKEN", "forged");
    assertThat(rest.exchange("/api/evidence?name=a.jpg", HttpMethod.POST,
        new HttpEntity<>(jpeg(100), session), String.class).getStatusCode())
        .as("a wrong CSRF token").isEqualTo(HttpStatus.FORBIDDEN);
    session.set("X-XSRF-TOKEN", login.token());
    assertThat(rest.exchange("/api/evidence?name=a.jpg", HttpMethod.POST,
        new HttpEntity<>(jpeg(100), session), String.class).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(rowsUploadedBy(buyer)).isEqualTo(before + 1);

    assertThat(rest.exchange("/api/orders", HttpMethod.GET, HttpEntity.EMPTY, String.class)
        .getStatusCode()).as("no session, no credentials").isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
