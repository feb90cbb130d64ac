package com.marketplace.disputes.evidence;

import org.springframework.http.HttpStatus;

/** An upload or download the service refuses; the message says why in words for the person. */
public class EvidenceRefusedException extends RuntimeException {

  private final HttpStatus status;

  public EvidenceRefusedException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }
}
