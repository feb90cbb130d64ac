package com.marketplace.disputes.dispute;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplace.disputes.appeal.AppealEligibility;
import com.marketplace.disputes.config.DisputePolicy;
import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import com.marketplace.disputes.evidence.EvidenceAttachments;
import com.marketplace.disputes.identity.UserLanguage;
import com.marketplace.disputes.kernel.ApiProblems;
import com.marketplace.disputes.kernel.AppClock;
import com.marketplace.disputes.kernel.ApiProblems.NotAllowed;
import com.marketplace.disputes.kernel.EngineCalls;
import com.marketplace.disputes.kernel.InvalidRequestException;
import com.marketplace.disputes.kernel.Party;
import com.marketplace.disputes.policy.DecisionBasis;
import com.marketplace.disputes.timeline.Timeline;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The parties' view of their disputes and the moves they may make between themselves: escalate,
 * cancel (buyer), modify the claim (buyer). Each move is a message to the dispute; once the
 * platform reviews it, the message no longer applies and the answer says so (409).
 */
@RestController
@RequestMapping("/api/disputes")
public class DisputeController {

  private final DisputeRecords records;
  private final DisputeVisibility visibility;
  private final IdentityService identityService;
  private final EngineCalls engineCalls;
  private final Timeline timeline;
  private final AppealEligibility appealEligibility;
  private final DisputePolicy policy;
  private final ObjectMapper json;
  private final DecisionBasis basis;
  private final UserLanguage languages;

  public DisputeController(DisputeRecords records, DisputeVisibility visibility,
      IdentityService identityService, EngineCalls engineCalls, Timeline timeline,
      AppealEligibility appealEligibility, DisputePolicy policy, ObjectMapper json,
      DecisionBasis basis, UserLanguage languages) {
    this.basis = basis;
    this.languages = languages;
    this.records = records;
    this.visibility = visibility;
    this.identityService = identityService;
    this.engineCalls = engineCalls;
    this.timeline = timeline;
    this.appealEligibility = appealEligibility;
    this.policy = policy;
    this.json = json;
  }

  /** The caller's own disputes, newest first, each with the end of its appeal window. */
  @GetMapping
  public List<PartyDispute> mine() {
    Instant now = AppClock.now();
    return records.findByParty(user().getUserId(), 100).stream()
        .map(d -> new PartyDispute(d, appealEligibility.appealableUntil(d, now))).toList();
  }

  /**
   * A dispute as its party's list shows it: the record, and until when it may still be appealed
   * (null while it is open, and once it cannot be appealed any more).
   */
  public record PartyDispute(@JsonUnwrapped DisputeRecord dispute, Instant appealableUntil) {}

  /**
   * One dispute with its timeline and offers: whose move it is and until when; once decided, the
   * rules each decision applied (worded in the caller's language) and the evidence it relied on.
   */
  @GetMapping("/{disputeId}")
  public Map<String, Object> show(@PathVariable String disputeId) {
    DisputeRecord dispute = visible(disputeId);
    Map<String, Object> body = new HashMap<>();
    body.put("dispute", dispute);
    body.put("timeline", timeline.entries(disputeId,
        DisputeVisibility.viewer(user(), dispute)));
    body.put("offers", records.offers(disputeId));
    body.put("decisions", basis.ofDispute(disputeId, languages.of(user().getUserId())));
    return body;
  }

  /**
   * To the platform now. An optional JSON body says why ({@code reason}, an
   * {@link EscalationRequestReason}) and adds a {@code comment}; the contract's escalationReason
   * still says who asked. A body that is not JSON (as clients sent before the body existed) is
   * read as no body.
   */
  @PostMapping("/{disputeId}/escalate")
  public ResponseEntity<Void> escalate(@PathVariable String disputeId,
      @RequestBody(required = false) String body,
      @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) MediaType type) {
    DisputeRecord dispute = visible(disputeId);
    String role = role(dispute);
    Map<String, Object> said = jsonObject(body, type);
    EscalationRequest request = EscalationRequest.read(said.get("reason"), said.get("comment"),
        policy.getMaxEscalationCommentLength(), "reason", "comment");
    Map<String, Object> variables = new HashMap<>();
    variables.put(DisputeProcess.REQUESTED_BY, role);
    variables.put(DisputeProcess.ESCALATION_REQUEST_REASON, request.reason());
    variables.put(DisputeProcess.ESCALATION_COMMENT, request.comment());
    correlate(dispute, DisputeProcess.ESCALATION_REQUESTED_MESSAGE, variables);
    return ResponseEntity.accepted().build();
  }

  private Map<String, Object> jsonObject(String body, MediaType type) {
    if (body == null || body.isBlank() || type == null
        || !type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
      return Map.of();
    }
    try {
      Map<String, Object> object = json.readValue(body, new TypeReference<>() {});
      return object == null ? Map.of() : object;
    } catch (JsonProcessingException e) {
      throw InvalidRequestException.of("Invalid escalation", "body", "must be a JSON object");
    }
  }

  @PostMapping("/{disputeId}/cancel")
  public ResponseEntity<Void> cancel(@PathVariable String disputeId) {
    DisputeRecord dispute = visible(disputeId);
    if (!user().getUserId().equals(dispute.buyerId())) {
      throw new NotAllowed("Only the buyer can cancel a dispute. "
          + (user().getUserId().equals(dispute.sellerId())
              ? "As the seller you can accept the claim or make an offer in your task, or "
                  + "escalate to the platform."
              : "Staff decide a dispute in the mediation queue instead."));
    }
    correlate(dispute, DisputeProcess.CANCELLED_MESSAGE, Map.of());
    return ResponseEntity.accepted().build();
  }

  /**
   * Changed claim fields (reason, description, …) and new files ({@code evidenceIds} from the
   * evidence store); the seller's deadline restarts and both are told. At most
   * {@code disputes.policy.max-claim-changes} times (then 429).
   */
  @PostMapping("/{disputeId}/modify")
  public ResponseEntity<Void> modify(@PathVariable String disputeId,
      @RequestBody Map<String, Object> changes) {
    DisputeRecord dispute = visible(disputeId);
    buyerOnly(dispute);
    Map<String, Object> claimFields = new HashMap<>();
    for (String field : List.of(DisputeProcess.REASON, DisputeProcess.ITEM_RECEIVED,
        DisputeProcess.PROBLEM_DETAIL, DisputeProcess.DESCRIPTION,
        DisputeProcess.REQUESTED_RESOLUTION, DisputeProcess.REQUESTED_AMOUNT,
        EvidenceAttachments.EVIDENCE_IDS)) {
      if (changes.get(field) != null) {
        claimFields.put(field, changes.get(field));
      }
    }
    if (claimFields.isEmpty()) {
      throw InvalidRequestException.of("Nothing to modify", "body", "names no claim field");
    }
    correlate(dispute, DisputeProcess.MODIFIED_MESSAGE, claimFields);
    return ResponseEntity.accepted().build();
  }

  @ExceptionHandler(NoLongerPossible.class)
  ProblemDetail noLongerApplies(NoLongerPossible e) {
    ProblemDetail problem = ApiProblems.conflict("No longer possible", e.getMessage());
    problem.setProperty("disputeStatus", e.status);
    return problem;
  }

  /**
   * The party's check was done here; the dispute takes the message from the service. A move the
   * dispute no longer takes is refused with what it is now and what is still possible.
   */
  private void correlate(DisputeRecord dispute, String message, Map<String, Object> variables) {
    try {
      engineCalls.correlateAsService(message, dispute.disputeId(), variables);
    } catch (MismatchingMessageCorrelationException e) {
      String status = records.find(dispute.disputeId()).map(DisputeRecord::status)
          .orElse(dispute.status());
      throw new NoLongerPossible(status, dispute.disputeId());
    }
  }

  /**
   * A move made after the buyer-and-seller phase: closed, or in the platform's hands. It is the
   * engine's refusal of the message, said for the party.
   */
  static final class NoLongerPossible extends MismatchingMessageCorrelationException {
    private final String status;

    NoLongerPossible(String status, String disputeId) {
      super(explain(status, disputeId));
      this.status = status;
    }

    private static String explain(String status, String disputeId) {
      if (DisputeStatus.CLOSED.name().equals(status)
          || DisputeStatus.INELIGIBLE.name().equals(status)) {
        return "Dispute " + disputeId + " is closed; it can no longer be escalated, changed or "
            + "cancelled. A party may appeal a decided or agreed dispute within the appeal "
            + "window (appealTicket); a cancelled or refused one cannot be appealed.";
      }
      return "Dispute " + disputeId + " is with the platform now (" + status + "); buyer and "
          + "seller can no longer escalate, change or cancel it. Provide evidence when the "
          + "mediator asks for it; the decision is mailed to both.";
    }
  }

  /** A party or staff sees the dispute; anyone else is told it does not exist. */
  private DisputeRecord visible(String disputeId) {
    return visibility.visibleTo(user(), disputeId);
  }

  private String role(DisputeRecord dispute) {
    Party party = Party.of(user().getUserId(), dispute.buyerId(), dispute.sellerId());
    if (party != null) {
      return party.name();
    }
    throw new NotAllowed("Only the buyer or the seller of a dispute can escalate it.");
  }

  private void buyerOnly(DisputeRecord dispute) {
    if (!user().getUserId().equals(dispute.buyerId())) {
      throw new NotAllowed("Only the buyer of the dispute can do this.");
    }
  }

  private Authentication user() {
    return ApiProblems.caller(identityService);
  }
}
