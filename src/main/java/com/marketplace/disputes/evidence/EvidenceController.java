package com.marketplace.disputes.evidence;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence over HTTP for the Tasklist forms and the marketplace: upload (the raw file as the
 * request body, staged until a form submits it), list a dispute's files, download one.
 *
 * <p>Downloads carry the type found in the file's content (never the one the uploader claimed),
 * {@code nosniff}, a sandboxing content security policy and a Content-Disposition with the file
 * name; PDFs are always downloaded, images and videos open in the browser. Evidence the caller
 * may not see answers 404, as if it did not exist.
 */
@RestController
public class EvidenceController {

  private final EvidenceService evidence;
  private final EvidenceProperties limits;
  private final IdentityService identityService;

  public EvidenceController(EvidenceService evidence, EvidenceProperties limits,
      IdentityService identityService) {
    this.evidence = evidence;
    this.limits = limits;
    this.identityService = identityService;
  }

  /** What a form needs to check files before sending them. */
  @GetMapping("/api/evidence/limits")
  public Map<String, Object> limits() {
    caller();
    return Map.of(
        "maxFileBytes", limits.maxFileSize().toBytes(),
        "maxDisputeBytes", limits.maxDisputeSize().toBytes(),
        "acceptedTypes", Arrays.stream(EvidenceType.values()).map(EvidenceType::mediaType).toList(),
        "acceptedLabel", EvidenceType.accepted());
  }

  /**
   * Stages one file, sent as the request body; {@code name} is the file's name. With
   * {@code disputeId}, the caller must be a party of that open dispute.
   */
  @PostMapping("/api/evidence")
  public ResponseEntity<EvidenceView> upload(@RequestParam String name,
      @RequestParam(required = false) String disputeId, HttpServletRequest request)
      throws IOException {
    Authentication caller = caller();
    if (request.getContentLengthLong() > limits.maxFileSize().toBytes()) {
      throw new EvidenceRefusedException(HttpStatus.PAYLOAD_TOO_LARGE,
          EvidenceService.fileName(name) + " is larger than "
              + EvidenceService.megabytes(limits.maxFileSize().toBytes())
              + ", the limit per file; nothing was stored.");
    }
    Evidence stored = evidence.upload(caller, name, request.getInputStream(),
        disputeId == null || disputeId.isBlank() ? null : disputeId);
    return ResponseEntity.created(URI.create(EvidenceView.url(stored.evidenceId())))
        .body(EvidenceView.of(stored));
  }

  @GetMapping("/api/disputes/{disputeId}/evidence")
  public List<EvidenceView> ofDispute(@PathVariable String disputeId) {
    return evidence.ofDispute(caller(), disputeId)
        .orElseThrow(() -> notFound("No dispute " + disputeId + " that you can see."))
        .stream().map(EvidenceView::of).toList();
  }

  /** The file itself; {@code download=true} asks for a download even where it could open. */
  @GetMapping("/api/evidence/{evidenceId}")
  public ResponseEntity<byte[]> content(@PathVariable long evidenceId,
      @RequestParam(defaultValue = "false") boolean download) {
    Evidence found = evidence.visible(caller(), evidenceId)
        .orElseThrow(() -> notFound("No evidence " + evidenceId + " that you can see."));
    EvidenceType type = found.type();
    ContentDisposition disposition = (type.opensInline() && !download
        ? ContentDisposition.inline() : ContentDisposition.attachment())
        .filename(found.fileName(), StandardCharsets.UTF_8).build();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type.mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy",
            "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox")
        .cacheControl(CacheControl.noCache().cachePrivate())
        .eTag("\"" + found.sha256() + "\"")
        .body(evidence.content(found));
  }

  /** Takes back an upload that no form has submitted yet. */
  @DeleteMapping("/api/evidence/{evidenceId}")
  public ResponseEntity<Void> withdraw(@PathVariable long evidenceId) {
    if (!evidence.withdraw(caller(), evidenceId)) {
      throw new EvidenceRefusedException(HttpStatus.CONFLICT, "Upload " + evidenceId
          + " is not an unsubmitted upload of yours; submitted evidence stays with its dispute.");
    }
    return ResponseEntity.noContent().build();
  }

  @ExceptionHandler(EvidenceRefusedException.class)
  ResponseEntity<ProblemDetail> refused(EvidenceRefusedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    problem.setTitle(e.status() == HttpStatus.NOT_FOUND ? "Not found" : "Upload refused");
    return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static EvidenceRefusedException notFound(String message) {
    return new EvidenceRefusedException(HttpStatus.NOT_FOUND, message);
  }

  private Authentication caller() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      // The login filter guards /api/*; getting here without a user means it is not installed.
      throw new IllegalStateException("No authenticated user for an /api request");
    }
    return authentication;
  }

  /** Evidence as the forms show it, with the address of its content. */
  public record EvidenceView(long id, String disputeId, String fileName, String contentType,
      boolean image, long sizeBytes, String uploadedBy, String uploaderRole,
      OffsetDateTime uploadedAt, OffsetDateTime attachedAt, String url) {

    static EvidenceView of(Evidence e) {
      return new EvidenceView(e.evidenceId(), e.disputeId(), e.fileName(), e.contentType(),
          e.type().isImage(), e.sizeBytes(), e.uploadedBy(), e.uploaderRole(), e.uploadedAt(),
          e.attachedAt(), url(e.evidenceId()));
    }

    static String url(long evidenceId) {
      return "/api/evidence/" + evidenceId;
    }
  }
}
