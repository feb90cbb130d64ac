package com.marketplace.disputes.kernel;

import com.marketplace.disputes.kernel.InvalidRequestException.FieldError;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Reads and checks the variables a task is completed with, collecting every bad field. */
public final class TaskAnswers {

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
