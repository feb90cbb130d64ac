package com.marketplace.disputes.conversation;

import com.marketplace.disputes.conversation.DisputeMessages.DisputeMessage;
import com.marketplace.disputes.evidence.EvidenceAttachments;
import com.marketplace.disputes.kernel.ApiProblems;
import com.marketplace.disputes.kernel.InvalidRequestException;
import com.marketplace.disputes.kernel.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The conversation's route: {@code POST /api/disputes/{id}/messages} with
 * {@code {"message": "…", "evidenceIds": [12, 13], "to": "BOTH"}} (ids and {@code to} optional;
 * {@code to} BUYER or SELLER only from a mediator). Answers 201 with the stored message; refusals
 * as the other dispute routes (400 naming the field, 403, 404 for strangers), 409 while the
 * dispute takes no message from the caller, 429 with Retry-After beyond the rate limit.
 */
@RestController
@RequestMapping("/api/disputes/{disputeId}/messages")
public class ConversationController {

  private final Conversation conversation;
  private final IdentityService identityService;

  public ConversationController(Conversation conversation, IdentityService identityService) {
    this.conversation = conversation;
    this.identityService = identityService;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public DisputeMessage post(@PathVariable String disputeId,
      @RequestBody Map<String, Object> request) {
    return conversation.post(ApiProblems.caller(identityService), disputeId,
        Text.trimmed(request.get("message")),
        audience(request.get("to")), evidenceIds(request.get(EvidenceAttachments.EVIDENCE_IDS)));
  }

  @ExceptionHandler(MessageRefused.class)
  ResponseEntity<ProblemDetail> refused(MessageRefused e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status, e.getMessage());
    problem.setTitle(e.title);
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status);
    if (e.retryAfter != null) {
      long seconds = Math.max(1, (e.retryAfter.toMillis() + 999) / 1000);
      answer.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }
    return answer.body(problem);
  }

  private static Audience audience(Object to) {
    String name = Text.trimmed(to);
    if (name == null) {
      return null;
    }
    try {
      return Audience.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.of("Cannot post the message", "to",
          "must be one of " + Arrays.toString(Audience.values()));
    }
  }

  /** A JSON list of upload ids ({@code [12, 13]}), numbers or digit strings. */
  private static List<Long> evidenceIds(Object ids) {
    if (ids == null) {
      return List.of();
    }
    if (!(ids instanceof List<?> list)) {
      throw InvalidRequestException.of("Cannot post the message",
          EvidenceAttachments.EVIDENCE_IDS, "must be a list of upload ids, such as [12, 13]");
    }
    Set<Long> parsed = new LinkedHashSet<>();
    for (Object id : list) {
      String digits = id == null ? "" : id.toString().trim();
      if (!digits.matches("\\d{1,18}")) {
        throw InvalidRequestException.of("Cannot post the message",
            EvidenceAttachments.EVIDENCE_IDS, "names " + id + ", which is no upload id");
      }
      parsed.add(Long.parseLong(digits));
    }
    return new ArrayList<>(parsed);
  }
}
