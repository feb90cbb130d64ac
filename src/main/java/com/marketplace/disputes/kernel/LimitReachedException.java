package com.marketplace.disputes.kernel;

import java.util.List;

/**
 * A move refused because the caller has made it as often as a policy limit allows. The parties'
 * API answers 429 naming the limit's property; through the engine REST API it is a bad request
 * (400) like any other, and the engine rolls back.
 */
public class LimitReachedException extends InvalidRequestException {

  private final String limit;

  public LimitReachedException(String what, String field, String message, String limit) {
    super(what, List.of(new FieldError(field, message)));
    this.limit = limit;
  }

  /** The property that sets the limit, such as {@code disputes.policy.max-claim-changes}. */
  public String limit() {
    return limit;
  }
}
