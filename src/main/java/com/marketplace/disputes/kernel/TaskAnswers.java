package com.marketplace.disputes.kernel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplace.disputes.kernel.InvalidRequestException.FieldError;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Reads and checks the variables a task is completed with, collecting every bad field. */
public final class TaskAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DelegateTask task;
  private final List<FieldError> errors = new ArrayList<>();

  public TaskAnswers(DelegateTask task) {
    this.task = task;
  }

  /** A required code of {@code type}. */
  public <E extends Enum<E>> E choice(String field, Class<E> type) {
    return choice(field, EnumSet.allOf(type));
  }

  /** A required code among {@code allowed}. */
  public <E extends Enum<E>> E choice(String field, Set<E> allowed) {
    return Codes.check(task.getVariable(field), field, allowed, true, errors);
  }

  /** Required text of at most {@code max} characters. */
  public String text(String field, int max) {
    String value = Text.trimmed(task.getVariable(field));
    if (value == null) {
      errors.add(new FieldError(field, "is required"));
    } else if (value.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
    }
    return value;
  }

  /**
   * An optional list of ids, as forms submit it: a JSON array ({@code ["A","B"]}, {@code [12]})
   * or text separated by commas ({@code A,B}). Each id once, in the order given; empty when the
   * field is absent or blank.
   */
  public List<String> list(String field) {
    String value = Text.trimmed(task.getVariable(field));
    Set<String> items = new LinkedHashSet<>();
    if (value == null) {
      return List.of();
    }
    if (value.startsWith("[")) {
      try {
        for (Object item : JSON.readValue(value, List.class)) {
          String text = Text.trimmed(item);
          if (text == null || item instanceof Map || item instanceof List) {
            throw new IllegalArgumentException();
          }
          items.add(text);
        }
      } catch (JsonProcessingException | IllegalArgumentException e) {
        errors.add(new FieldError(field, "must be a JSON array of ids or ids separated by commas"));
        return List.of();
      }
    } else {
      for (String part : value.split("[,\\s]+")) {
        if (!part.isEmpty()) {
          items.add(part);
        }
      }
    }
    return List.copyOf(items);
  }

  public Object raw(String field) {
    return task.getVariable(field);
  }

  public void error(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** Refuses the completion when anything was wrong: the task stays open, nothing is written. */
  public void check() {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException("Cannot complete " + task.getName(), errors);
    }
  }
}
