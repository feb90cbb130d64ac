package com.marketplace.disputes.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The order document of the contract as it travels over HTTP, and the rules a pushed document
 * must follow. Money is a decimal string, instants are ISO-8601 strings; absent optional fields
 * are written as null so every document has the same shape.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrderDocument(
    String orderId,
    String buyerId,
    String sellerId,
    String title,
    String amount,
    String currency,
    ItemType itemType,
    Instant shippedAt,
    Instant estimatedDeliveryAt,
    Instant deliveredAt,
    Instant protectionEndsAt,
    String trackingNumber) {

  /** One broken rule, named by the JSON field it is about. */
  public record FieldError(String field, String message) {
  }

  /** A document that breaks at least one rule; nothing of it may be stored. */
  public static class InvalidDocumentException extends RuntimeException {

    private final transient List<FieldError> errors;

    InvalidDocumentException(List<FieldError> errors) {
      super(errors.size() + " invalid field(s): "
          + errors.stream().map(FieldError::field).toList());
      this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
      return errors;
    }
  }

  private static final int ID_LENGTH = 64;
  private static final int TITLE_LENGTH = 300;
  private static final Pattern AMOUNT = Pattern.compile("\\d{1,17}(\\.\\d{1,2})?");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  public static OrderDocument of(Order order) {
    return new OrderDocument(order.orderId(), order.buyerId(), order.sellerId(), order.title(),
        order.amount().setScale(2).toPlainString(), order.currency(), order.itemType(),
        order.shippedAt(), order.estimatedDeliveryAt(), order.deliveredAt(),
        order.protectionEndsAt(), order.trackingNumber());
  }

  /**
   * Reads a pushed document for {@code orderId}. Every broken rule is collected, so the caller
   * learns all of them at once.
   *
   * @throws InvalidDocumentException naming each bad field
   */
  public static Order parse(String orderId, JsonNode body) {
    List<FieldError> errors = new ArrayList<>();
    if (orderId == null || orderId.isBlank() || orderId.length() > ID_LENGTH) {
      errors.add(new FieldError("orderId", "must be 1 to " + ID_LENGTH + " characters"));
    }
    if (body == null || !body.isObject()) {
      errors.add(new FieldError("$", "must be a JSON object"));
      throw new InvalidDocumentException(errors);
    }
    Fields fields = new Fields(body, errors);
    if (body.hasNonNull("orderId") && !body.get("orderId").asText().equals(orderId)) {
      errors.add(new FieldError("orderId", "must match the order id in the path"));
    }
    String buyerId = fields.text("buyerId", true, ID_LENGTH);
    String sellerId = fields.text("sellerId", true, ID_LENGTH);
    if (buyerId != null && buyerId.equals(sellerId)) {
      errors.add(new FieldError("sellerId", "must differ from buyerId"));
    }
    String title = fields.text("title", true, TITLE_LENGTH);
    BigDecimal amount = fields.amount("amount");
    String currency = fields.text("currency", true, 3);
    if (currency != null && !CURRENCY.matcher(currency).matches()) {
      errors.add(new FieldError("currency", "must be an ISO 4217 code of 3 capital letters"));
    }
    ItemType itemType = fields.itemType("itemType");
    Instant shippedAt = fields.instant("shippedAt", false);
    Instant estimatedDeliveryAt = fields.instant("estimatedDeliveryAt", false);
    Instant deliveredAt = fields.instant("deliveredAt", false);
    Instant protectionEndsAt = fields.instant("protectionEndsAt", true);
    String trackingNumber = fields.text("trackingNumber", false, ID_LENGTH);
    if (!errors.isEmpty()) {
      throw new InvalidDocumentException(errors);
    }
    return new Order(orderId, buyerId, sellerId, title, amount, currency, itemType, shippedAt,
        estimatedDeliveryAt, deliveredAt, protectionEndsAt, trackingNumber);
  }

  /** Field readers that record a broken rule and return null instead of throwing. */
  private record Fields(JsonNode body, List<FieldError> errors) {

    /** Null for absent, JSON null, or a value of the wrong JSON type (then noted). */
    private String string(String field, boolean required) {
      JsonNode node = body.get(field);
      if (node == null || node.isNull()) {
        if (required) {
          errors.add(new FieldError(field, "is required"));
        }
        return null;
      }
      if (!node.isTextual()) {
        errors.add(new FieldError(field, "must be a string"));
        return null;
      }
      return node.textValue();
    }

    String text(String field, boolean required, int maxLength) {
      String value = string(field, required);
      if (value == null) {
        return null;
      }
      if (value.isBlank()) {
        if (required) {
          errors.add(new FieldError(field, "must not be blank"));
        }
        return null;
      }
      if (value.length() > maxLength) {
        errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
        return null;
      }
      return value;
    }

    BigDecimal amount(String field) {
      JsonNode node = body.get(field);
      if (node != null && node.isNumber()) {
        errors.add(new FieldError(field,
            "must be a decimal string such as \"49.90\", not a JSON number"));
        return null;
      }
      String value = string(field, true);
      if (value == null) {
        return null;
      }
      if (!AMOUNT.matcher(value).matches()) {
        errors.add(new FieldError(field,
            "must be a positive decimal string with at most 2 decimals, such as \"49.90\""));
        return null;
      }
      BigDecimal amount = new BigDecimal(value).setScale(2);
      if (amount.signum() <= 0) {
        errors.add(new FieldError(field, "must be greater than 0"));
        return null;
      }
      return amount;
    }

    ItemType itemType(String field) {
      String value = string(field, true);
      if (value == null) {
        return null;
      }
      try {
        return ItemType.valueOf(value);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(field, "must be one of " + Arrays.toString(ItemType.values())));
        return null;
      }
    }

    Instant instant(String field, boolean required) {
      String value = string(field, required);
      if (value == null) {
        return null;
      }
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e) {
        errors.add(new FieldError(field,
            "must be an ISO-8601 instant with offset, such as \"2026-11-01T10:00:00Z\""));
        return null;
      }
    }
  }
}
