package com.marketplace.disputes.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused start as Spring Boot prints its own: the problem, then what to do. */
public class UnsafeStartFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeStartException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, UnsafeStartException cause) {
    return new FailureAnalysis(cause.problem(), cause.action(), cause);
  }
}
