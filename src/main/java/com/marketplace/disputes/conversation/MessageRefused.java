package com.marketplace.disputes.conversation;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * A message the dispute does not take now: 409 while it is closed or not yet the writer's to
 * write in, 429 beyond the rate limit (with the wait, for Retry-After).
 */
class MessageRefused extends RuntimeException {

  final HttpStatus status;
  final String title;
  /** How long until the writer may try again; null when waiting would not help. */
  final Duration retryAfter;

  private MessageRefused(HttpStatus status, String title, String detail, Duration retryAfter) {
    super(detail);
    this.status = status;
    this.title = title;
    this.retryAfter = retryAfter;
  }

  static MessageRefused conflict(String detail) {
    return new MessageRefused(HttpStatus.CONFLICT, "Not possible now", detail, null);
  }

  static MessageRefused tooMany(String detail, Duration retryAfter) {
    return new MessageRefused(HttpStatus.TOO_MANY_REQUESTS, "Too many messages", detail,
        retryAfter);
  }
}
