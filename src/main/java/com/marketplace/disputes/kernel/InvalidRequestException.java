package com.marketplace.disputes.kernel;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A request a person or system made with bad data. Extends the engine's BadUserRequestException so
 * the engine REST API answers 400 with this message, and the engine rolls back: nothing is written.
 */
public class InvalidRequestException extends BadUserRequestException {

  private final transient List<FieldError> errors;

  public InvalidRequestException(String what, List<FieldError> errors) {
    super(what + ": " + String.join("; ", errors.stream().map(FieldError::toString).toList()));
    this.errors = List.copyOf(errors);
  }

  public static InvalidRequestException of(String what, String field, String message) {
    return new InvalidRequestException(what, List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  public List<Map<String, String>> errorMaps() {
    return errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList();
  }

  /** One bad field and what is wrong with it. */
  public record FieldError(String field, String message) {
    @Override
    public String toString() {
      return field + " " + message;
    }
  }
}
