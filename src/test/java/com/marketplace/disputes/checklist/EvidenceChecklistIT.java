package com.marketplace.disputes.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplace.disputes.identity.UserLanguage;
import com.marketplace.disputes.support.ApiCalls;
import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.HttpTest;
import com.marketplace.disputes.support.TestOrders;
import com.marketplace.disputes.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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

/**
 * The evidence checklist over HTTP: what a dispute's parties and staff read, ticked against the
 * files each party attached; the opening form's checklist for a claim being written; and the
 * answers to strangers, to nobody logged in and to bad inputs.
 */
@HttpTest
class EvidenceChecklistIT {

  private static final AtomicInteger RUN = new AtomicInteger();
  private static final String PDF = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n";

  @Autowired ApiCalls api;
  @Autowired TestOrders orders;
  @Autowired DisputeDriver driver;
  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;

  String buyer;
  String seller;
  String stranger;
  String strangeSeller;
  String mediator;
  String orderId;

  @BeforeEach
  void setUp() {
    int run = RUN.incrementAndGet();
    buyer = api.user("ckbuyer" + run, "buyers");
    seller = api.user("ckseller" + run, "sellers");
    stranger = api.user("ckstranger" + run, "buyers");
    strangeSeller = api.user("ckotherseller" + run, "sellers");
    mediator = api.user("ckmediator", "mediators");
    orderId = orders.eligible(buyer, seller, "80.00");
  }

  private ResponseEntity<JsonNode> get(String user, String path) {
    return api.call(user, HttpMethod.GET, path, null);
  }

  private long upload(String user, String name, byte[] content, String disputeId) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, TestUsers.PASSWORD);
    headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    ResponseEntity<JsonNode> uploaded = rest.exchange("/api/evidence?name={name}"
            + (disputeId == null ? "" : "&disputeId=" + disputeId), HttpMethod.POST,
        new HttpEntity<>(content, headers), JsonNode.class, name);
    assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return uploaded.getBody().get("id").asLong();
  }

  private static Map<String, Object> transientIds(long... ids) {
    StringBuilder list = new StringBuilder();
    for (long id : ids) {
      list.append(list.isEmpty() ? "" : ",").append(id);
    }
    return Map.of("value", list.toString(), "type", "String",
        "valueInfo", Map.of("transient", true));
  }

  /** Opens an item-not-received dispute for a partial refund with the buyer's staged files. */
  @SuppressWarnings("unchecked")
  private String openWith(long... buyerFiles) {
    Map<String, Object> claim = DisputeDriver.claim(orderId, buyer);
    claim.remove("buyerId");
    claim.put("requestedResolution", "PARTIAL_REFUND");
    claim.put("requestedAmount", "30.00");
    Map<String, Object> body = ApiCalls.variables(claim);
    ((Map<String, Object>) body.get("variables")).put("evidenceIds", transientIds(buyerFiles));
    ResponseEntity<JsonNode> started = api.call(buyer, HttpMethod.POST,
        "/engine-rest/process-definition/key/disputeMediation/start", body);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String instanceId = started.getBody().get("id").asText();
    driver.runAsync(instanceId);
    return driver.variables(instanceId).get("disputeId").toString();
  }

  private static JsonNode item(JsonNode checklist, String code) {
    for (JsonNode item : checklist.get("items")) {
      if (item.get("item").asText().equals(code)) {
        return item;
      }
    }
    throw new AssertionError(code + " not in " + checklist);
  }

  private static List<String> codes(JsonNode checklist) {
    return checklist.get("items").findValuesAsText("item");
  }

  @Test
  void partiesAndStaffSeeTheChecklistTickedByTheRightPartysFittingFiles() {
    // The buyer's own PDF of tracking cannot stand for the seller's proof; the quote is the basis.
    long buyersTracking = upload(buyer, "my-tracking.pdf", PDF.getBytes(), null);
    long quote = upload(buyer, "quote.pdf", PDF.getBytes(), null);
    String disputeId = openWith(buyersTracking, quote);
    String path = "/api/disputes/" + disputeId + "/checklist";

    JsonNode before = get(buyer, path).getBody();
    assertThat(before.get("disputeId").asText()).isEqualTo(disputeId);
    assertThat(codes(before)).containsExactly("TRACKING_OR_CARRIER_PROOF", "AMOUNT_BASIS");
    JsonNode tracking = item(before, "TRACKING_OR_CARRIER_PROOF");
    assertThat(tracking.get("suppliedBy").asText()).isEqualTo("SELLER");
    assertThat(tracking.get("label").asText()).isEqualTo("Tracking or the carrier's proof of delivery");
    assertThat(tracking.get("explanation").asText()).contains("tracking history");
    assertThat(tracking.get("evidenceTypes").toString()).contains("PDF").doesNotContain("MP4");
    assertThat(tracking.get("mediaTypes").toString()).contains("application/pdf", "image/png");
    assertThat(tracking.get("present").asBoolean()).as("the buyer's file is not the seller's proof")
        .isFalse();
    JsonNode basis = item(before, "AMOUNT_BASIS");
    assertThat(basis.get("present").asBoolean()).isTrue();
    assertThat(basis.get("evidenceIds").toString()).isEqualTo("[" + buyersTracking + "," + quote + "]");

    // A video cannot be a carrier's proof; the seller's PDF can.
    long video = upload(seller, "unboxing.webm",
        new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 'w', 'e', 'b', 'm', 0, 0}, disputeId);
    long proof = upload(seller, "carrier-receipt.pdf", PDF.getBytes(), disputeId);
    String taskId = driver.task(driver.instanceId("disputeMediation", disputeId), "RespondToDispute")
        .getId();
    Map<String, Object> answer = Map.of("sellerResponse", Map.of("value", "REJECT"),
        "sellerComment", Map.of("value", "Delivered; see the carrier's receipt."),
        "evidenceIds", transientIds(video, proof));
    assertThat(api.call(seller, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", answer)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    for (String reader : List.of(buyer, seller, mediator)) {
      JsonNode after = get(reader, path).getBody();
      assertThat(item(after, "TRACKING_OR_CARRIER_PROOF").get("present").asBoolean()).as(reader)
          .isTrue();
      assertThat(item(after, "TRACKING_OR_CARRIER_PROOF").get("evidenceIds").toString()).as(reader)
          .isEqualTo("[" + proof + "]");
    }
  }

  @Test
  void aGermanReaderGetsTheItemsInGerman() {
    String disputeId = openWith();
    identityService.setUserInfo(seller, UserLanguage.LOCALE_INFO_KEY, "de");
    JsonNode checklist = get(seller, "/api/disputes/" + disputeId + "/checklist").getBody();
    assertThat(item(checklist, "TRACKING_OR_CARRIER_PROOF").get("label").asText())
        .isEqualTo("Sendungsverfolgung oder Zustellnachweis des Versanddienstleisters");
    assertThat(item(checklist, "AMOUNT_BASIS").get("explanation").asText())
        .contains("Kostenvoranschlag");
  }

  @Test
  void strangersAndNobodyLoggedInLearnNothingOfTheDisputesChecklist() {
    String disputeId = openWith();
    String path = "/api/disputes/" + disputeId + "/checklist";
    assertThat(get(stranger, path).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(strangeSeller, path).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(stranger, "/api/disputes/D-NO-SUCH/checklist").getStatusCode())
        .as("the same answer whether the dispute exists or not").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(stranger, path).getBody().toString()).doesNotContain("TRACKING");
    assertThat(get(null, path).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theOpeningFormGetsTheChecklistOfTheClaimBeingWritten() {
    JsonNode checklist = get(buyer, "/api/evidence-checklist?reason=DAMAGED&itemReceived=true"
        + "&problemDetail=DOES_NOT_WORK&requestedResolution=PARTIAL_REFUND").getBody();
    assertThat(checklist.hasNonNull("disputeId")).as("no dispute yet").isFalse();
    assertThat(codes(checklist)).containsExactly("PHOTOS_ITEM_AND_PACKAGING", "VIDEO_OF_FAULT",
        "CONDITION_AT_DISPATCH", "AMOUNT_BASIS");
    assertThat(checklist.get("items").findValuesAsText("present")).containsOnly("false");
    assertThat(item(checklist, "VIDEO_OF_FAULT").get("evidenceTypes").toString())
        .isEqualTo("[\"MP4\",\"WEBM\"]");
    assertThat(item(checklist, "CONDITION_AT_DISPATCH").get("suppliedBy").asText())
        .isEqualTo("SELLER");

    JsonNode notReceived = get(buyer, "/api/evidence-checklist?reason=DAMAGED"
        + "&itemReceived=false&problemDetail=DOES_NOT_WORK&requestedResolution=FULL_REFUND")
        .getBody();
    assertThat(codes(notReceived)).as("a problem detail counts only for an item that arrived")
        .containsExactly("PHOTOS_ITEM_AND_PACKAGING");
  }

  @Test
  void theOpeningFormsChecklistRefusesBadInputsByName() {
    assertRefused("/api/evidence-checklist?reason=LOST&requestedResolution=FULL_REFUND",
        "reason");
    assertRefused("/api/evidence-checklist?reason=DAMAGED", "requestedResolution");
    assertRefused("/api/evidence-checklist?reason=DAMAGED&requestedResolution=NONE",
        "requestedResolution");
    assertRefused("/api/evidence-checklist?reason=DAMAGED&requestedResolution=FULL_REFUND"
        + "&itemReceived=maybe", "itemReceived");
    assertRefused("/api/evidence-checklist?reason=DAMAGED&requestedResolution=FULL_REFUND"
        + "&itemReceived=true&problemDetail=%3Cscript%3E", "problemDetail");
    ResponseEntity<JsonNode> both = get(buyer, "/api/evidence-checklist?reason=x&requestedResolution=y");
    assertThat(both.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("reason", "requestedResolution");
    assertThat(get(null, "/api/evidence-checklist?reason=DAMAGED&requestedResolution=FULL_REFUND")
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private void assertRefused(String path, String field) {
    ResponseEntity<JsonNode> refused = get(buyer, path);
    assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("errors").findValuesAsText("field")).as(path)
        .containsExactly(field);
    assertThat(refused.getBody().toString()).doesNotContain("<script>");
  }
}
