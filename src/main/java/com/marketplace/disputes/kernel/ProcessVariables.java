package com.marketplace.disputes.kernel;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed reading of the answers a step was given, by the names of its process's constants class.
 * The parties, the order, its amount and the outcome to carry out are read from the records
 * (DisputeFacts), never from here.
 */
public final class ProcessVariables {

  private final VariableScope scope;

  private ProcessVariables(VariableScope scope) {
    this.scope = scope;
  }

  public static ProcessVariables of(VariableScope scope) {
    return new ProcessVariables(scope);
  }

  public String string(String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  public Boolean bool(String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Boolean b) {
      return b;
    }
    return value == null ? null : Boolean.valueOf(value.toString());
  }

  public BigDecimal money(String name) {
    return Money.parse(scope.getVariable(name));
  }

  public void set(String name, Object value) {
    scope.setVariable(name, value);
  }
}
