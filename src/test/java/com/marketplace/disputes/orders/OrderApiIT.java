package com.marketplace.disputes.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplace.disputes.identity.PlatformGroups;
import com.marketplace.disputes.support.ApiCalls;
import com.marketplace.disputes.support.HttpTest;
import com.marketplace.disputes.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The order API over real HTTP: login, who may write and read, and the document rules. */
@HttpTest
class OrderApiIT {

  private static final String MARKET = "oamarket";
  private static final String BUYER = "oabuyer";
  private static final String OTHER_BUYER = "oaotherbuyer";
  private static final String SELLER = "oaseller";
  private static final String MEDIATOR = "oamediator";
  private static final String ANALYST = "oaanalyst";

  @Autowired
  TestRestTemplate rest;

  @Autowired
  ApiCalls api;

  @Autowired
  OrderRepository orders;

  String orderId;

  @BeforeEach
  void users() {
    api.user(MARKET, PlatformGroups.MARKETPLACE);
    api.user(BUYER, PlatformGroups.BUYERS);
    api.user(OTHER_BUYER, PlatformGroups.BUYERS);
    api.user(SELLER, PlatformGroups.SELLERS);
    api.user(MEDIATOR, PlatformGroups.MEDIATORS);
    api.user(ANALYST, PlatformGroups.ANALYSTS);
    orderId = "ORD-T" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void marketplaceUpsertsAndPartiesAndStaffReadTheSameDocument() {
    ResponseEntity<JsonNode> created = put(MARKET, orderId, document("49.90"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).hasToString("/api/orders/" + orderId);

    ResponseEntity<JsonNode> again = put(MARKET, orderId, document("49.90"));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody()).isEqualTo(created.getBody());

    for (String reader : List.of(BUYER, SELLER, MEDIATOR, ANALYST, MARKET)) {
      ResponseEntity<JsonNode> read = get(reader, orderId);
      assertThat(read.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
      JsonNode body = read.getBody();
      assertThat(body.get("orderId").asText()).isEqualTo(orderId);
      assertThat(body.get("buyerId").asText()).isEqualTo(BUYER);
      assertThat(body.get("sellerId").asText()).isEqualTo(SELLER);
      assertThat(body.get("title").asText()).isEqualTo("USB-C cable, 2 m");
      assertThat(body.get("amount").isTextual()).isTrue();
      assertThat(body.get("amount").asText()).isEqualTo("49.90");
      assertThat(body.get("currency").asText()).isEqualTo("USD");
      assertThat(body.get("itemType").asText()).isEqualTo("PHYSICAL");
      assertThat(body.get("shippedAt").asText()).isEqualTo("2026-11-01T10:00:00Z");
      assertThat(body.get("estimatedDeliveryAt").asText()).isEqualTo("2026-11-20T00:00:00Z");
      assertThat(body.get("deliveredAt").isNull()).isTrue();
      assertThat(body.get("protectionEndsAt").asText()).isEqualTo("2027-01-05T00:00:00Z");
      assertThat(body.get("trackingNumber").asText()).isEqualTo("LP00123456789CN");
    }

    put(MARKET, orderId, document("12.5"));
    assertThat(get(BUYER, orderId).getBody().get("amount").asText()).isEqualTo("12.50");
    assertThat(orders.find(orderId)).get()
        .extracting(Order::amount).hasToString("12.50");
  }

  @Test
  void invalidDocumentIsAProblemNamingEachBadFieldAndNothingIsWritten() {
    String bad = """
        { "sellerId": "oaseller", "title": "USB-C cable, 2 m",
          "amount": 49.90, "currency": "usd", "itemType": "BOOK",
          "shippedAt": "yesterday", "estimatedDeliveryAt": "2026-11-20",
          "deliveredAt": null, "trackingNumber": 42 }""";

    ResponseEntity<JsonNode> response = put(MARKET, orderId, bad);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = response.getBody();
    assertThat(problem.get("type").asText()).isEqualTo(OrderController.INVALID_ORDER.toString());
    assertThat(problem.get("title").asText()).isEqualTo("Invalid order document");
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("detail").asText()).contains("nothing was written");
    assertThat(fields(problem)).containsExactlyInAnyOrder("buyerId", "amount", "currency",
        "itemType", "shippedAt", "estimatedDeliveryAt", "protectionEndsAt", "trackingNumber");
    problem.get("errors").forEach(error -> assertThat(error.get("message").asText()).isNotBlank());
    assertThat(orders.find(orderId)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0.00", "-5.00", "49.999", "1e3", "49,90", " 49.90", "abc", ""})
  void amountMustBeAPositiveDecimalStringWithAtMostTwoDecimals(String amount) {
    ResponseEntity<JsonNode> response = put(MARKET, orderId, document(amount));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(response.getBody())).containsExactly("amount");
    assertThat(orders.find(orderId)).isEmpty();
  }

  @Test
  void updateWithABadDocumentKeepsTheStoredFacts() {
    put(MARKET, orderId, document("49.90"));

    ResponseEntity<JsonNode> response = put(MARKET, orderId, document("49.90")
        .replace("\"PHYSICAL\"", "\"SERVICE\""));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(response.getBody())).containsExactly("itemType");
    assertThat(orders.find(orderId)).get().extracting(Order::itemType).isEqualTo(ItemType.PHYSICAL);
  }

  @Test
  void malformedJsonIsAProblemAndNothingIsWritten() {
    ResponseEntity<JsonNode> response = put(MARKET, orderId, "{ \"buyerId\": ");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().get("type").asText())
        .isEqualTo(OrderController.MALFORMED_JSON.toString());
    assertThat(response.getBody().get("status").asInt()).isEqualTo(400);
    assertThat(orders.find(orderId)).isEmpty();
  }

  @Test
  void onlyMarketplaceOrAdminMayWrite() {
    for (String writer : List.of(BUYER, SELLER, MEDIATOR, ANALYST)) {
      ResponseEntity<JsonNode> response = put(writer, orderId, document("49.90"));
      assertThat(response.getStatusCode()).as(writer).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(response.getHeaders().getContentType())
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(orders.find(orderId)).isEmpty();

    String admin = api.user("oaadmin", PlatformGroups.CAMUNDA_ADMIN);
    assertThat(put(admin, orderId, document("49.90")).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void anotherBuyerMayNotReadTheOrderNorLearnWhetherOneExists() {
    put(MARKET, orderId, document("49.90"));

    assertThat(get(OTHER_BUYER, orderId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(OTHER_BUYER, "ORD-NO-SUCH").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(MEDIATOR, "ORD-NO-SUCH").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void anonymousAndWrongPasswordAreUnauthorized() {
    put(MARKET, orderId, document("49.90"));

    ResponseEntity<String> anonymousRead =
        rest.getForEntity("/api/orders/{id}", String.class, orderId);
    assertThat(anonymousRead.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymousRead.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");

    ResponseEntity<String> anonymousWrite = rest.exchange("/api/orders/{id}", HttpMethod.PUT,
        json(document("1.00")), String.class, orderId);
    assertThat(anonymousWrite.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    // Not a user of the other tests: the engine delays further logins after a failed one.
    String lockedOut = api.user("oalockedout", PlatformGroups.MARKETPLACE);
    ResponseEntity<String> wrongPassword = rest.withBasicAuth(lockedOut, "not-the-password")
        .exchange("/api/orders/{id}", HttpMethod.PUT, json(document("1.00")), String.class, orderId);
    assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("nobody", TestUsers.PASSWORD)
        .getForEntity("/api/orders/{id}", String.class, orderId).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    assertThat(orders.find(orderId)).get().extracting(Order::amount).hasToString("49.90");
  }

  private ResponseEntity<JsonNode> put(String user, String id, String body) {
    return rest.withBasicAuth(user, TestUsers.PASSWORD)
        .exchange("/api/orders/{id}", HttpMethod.PUT, json(body), JsonNode.class, id);
  }

  private ResponseEntity<JsonNode> get(String user, String id) {
    return rest.withBasicAuth(user, TestUsers.PASSWORD)
        .getForEntity("/api/orders/{id}", JsonNode.class, id);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
    return fields;
  }

  private static String document(String amount) {
    return """
        { "buyerId": "oabuyer", "sellerId": "oaseller", "title": "USB-C cable, 2 m",
          "amount": "%s", "currency": "USD", "itemType": "PHYSICAL",
          "shippedAt": "2026-11-01T10:00:00Z", "estimatedDeliveryAt": "2026-11-20T00:00:00Z",
          "deliveredAt": null, "protectionEndsAt": "2027-01-05T00:00:00Z",
          "trackingNumber": "LP00123456789CN" }""".formatted(amount);
  }
}
