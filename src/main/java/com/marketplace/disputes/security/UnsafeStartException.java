package com.marketplace.disputes.security;

/**
 * A start-up refused because the configuration would run the service unsafely: what is wrong and
 * what to set instead ({@link UnsafeStartFailureAnalyzer} prints both).
 */
public class UnsafeStartException extends IllegalStateException {

  private final String problem;
  private final String action;

  public UnsafeStartException(String problem, String action) {
    super(problem + " " + action);
    this.problem = problem;
    this.action = action;
  }

  public String problem() {
    return problem;
  }

  public String action() {
    return action;
  }
}
