package com.marketplace.disputes.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplace.disputes.identity.PlatformGroups;
import com.marketplace.disputes.orders.OrderDocument.InvalidDocumentException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The marketplace pushes order facts here and parties and staff read them back.
 *
 * <p>Writes: groups marketplace and camunda-admin. Reads: the order's buyer and seller and staff
 * (mediators, senior mediators, analysts, marketplace, admins). Anyone else logged in gets 403,
 * for a known and an unknown order alike, so a 403 or 404 tells an outsider nothing about which
 * orders exist. The caller is the user the REST login filter authenticated with the engine.
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

  static final URI INVALID_ORDER = URI.create("https://marketplace.example/problems/invalid-order");
  static final URI MALFORMED_JSON = URI.create("https://marketplace.example/problems/malformed-json");
  static final URI FORBIDDEN = URI.create("https://marketplace.example/problems/forbidden");
  static final URI NOT_FOUND = URI.create("https://marketplace.example/problems/not-found");

  private static final Set<String> WRITERS =
      Set.of(PlatformGroups.MARKETPLACE, PlatformGroups.CAMUNDA_ADMIN);

  private static final Logger log = LoggerFactory.getLogger(OrderController.class);

  private final OrderRepository orders;
  private final IdentityService identityService;

  OrderController(OrderRepository orders, IdentityService identityService) {
    this.orders = orders;
    this.identityService = identityService;
  }

  @PutMapping(path = "/{orderId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> put(@PathVariable String orderId, @RequestBody JsonNode body) {
    Authentication caller = caller();
    if (!PlatformGroups.isMemberOfAny(caller, WRITERS)) {
      return problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden",
          "Only the marketplace or an administrator may write order facts.");
    }
    Order order;
    try {
      order = OrderDocument.parse(orderId, body);
    } catch (InvalidDocumentException e) {
      return invalid(e.errors());
    }
    boolean created = orders.upsert(order);
    log.info("Order {} {} by {}", orderId, created ? "created" : "updated", caller.getUserId());
    OrderDocument document = OrderDocument.of(orders.find(orderId).orElseThrow());
    return created
        ? ResponseEntity.created(URI.create("/api/orders/" + orderId)).body(document)
        : ResponseEntity.ok(document);
  }

  /** What the caller bought (the latest 50): the orders a buyer's start forms offer. */
  @GetMapping
  List<OrderDocument> mine() {
    return orders.findByBuyer(caller().getUserId(), 50).stream().map(OrderDocument::of).toList();
  }

  @GetMapping("/{orderId}")
  ResponseEntity<?> get(@PathVariable String orderId) {
    Authentication caller = caller();
    boolean staff = PlatformGroups.isStaff(caller);
    var order = orders.find(orderId);
    if (!staff && (order.isEmpty() || !order.get().isParty(caller.getUserId()))) {
      return problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden",
          "Only the order's buyer and seller and platform staff may read an order.");
    }
    return order.<ResponseEntity<?>>map(o -> ResponseEntity.ok(OrderDocument.of(o)))
        .orElseGet(() -> problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Order not found",
            "No order " + orderId + " is known."));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    return problem(HttpStatus.BAD_REQUEST, MALFORMED_JSON, "Malformed JSON",
        "The request body is not a JSON document; nothing was written.");
  }

  private Authentication caller() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      // The login filter guards /api/*; getting here without a user means it is not installed.
      throw new IllegalStateException("No authenticated user for an /api request");
    }
    return authentication;
  }

  private static ResponseEntity<ProblemDetail> invalid(List<OrderDocument.FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        errors.size() + " field(s) of the order document are invalid; nothing was written.");
    problem.setType(INVALID_ORDER);
    problem.setTitle("Invalid order document");
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title,
      String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(title);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
