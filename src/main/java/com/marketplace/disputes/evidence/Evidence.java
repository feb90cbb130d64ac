package com.marketplace.disputes.evidence;

import java.time.OffsetDateTime;

/**
 * One evidence file as people see it: who sent it, what it is, and where it belongs. The bytes
 * are fetched separately ({@link EvidenceStore#content}).
 *
 * @param disputeId null while the upload is staged (its form not submitted yet)
 * @param uploaderRole BUYER, SELLER or PLATFORM once attached
 */
public record Evidence(
    long evidenceId,
    String disputeId,
    String uploadedBy,
    String uploaderRole,
    String fileName,
    String contentType,
    long sizeBytes,
    String sha256,
    OffsetDateTime uploadedAt,
    OffsetDateTime attachedAt) {

  public boolean isStaged() {
    return disputeId == null;
  }

  public EvidenceType type() {
    for (EvidenceType type : EvidenceType.values()) {
      if (type.mediaType().equals(contentType)) {
        return type;
      }
    }
    throw new IllegalStateException("Stored evidence " + evidenceId + " has type " + contentType);
  }
}
