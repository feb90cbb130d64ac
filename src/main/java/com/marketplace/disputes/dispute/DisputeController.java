package com.marketplace.disputes.dispute;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.marketplace.disputes.appeal.AppealEligibility;
import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import com.marketplace.disputes.kernel.ApiProblems;
import com.marketplace.disputes.kernel.AppClock;
import com.marketplace.disputes.kernel.ApiProblems.NotAllowed;
import com.marketplace.disputes.kernel.EngineCalls;
import com.marketplace.disputes.kernel.InvalidRequestException;
import com.marketplace.disputes.kernel.Party;
import com.marketplace.disputes.timeline.Timeline;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

  public DisputeController(DisputeRecords records, DisputeVisibility visibility,
      IdentityService identityService, EngineCalls engineCalls, Timeline timeline,
      AppealEligibility appealEligibility) {
    this.records = records;
    this.visibility = visibility;
    this.identityService = identityService;
    this.engineCalls = engineCalls;
    this.timeline = timeline;
    this.appealEligibility = appealEligibility;
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

  /** One dispute with its timeline and offers: whose move it is and until when. */
  @GetMapping("/{disputeId}")
  public Map<String, Object> show(@PathVariable String disputeId) {
    DisputeRecord dispute = visible(disputeId);
    Map<String, Object> body = new HashMap<>();
    body.put("dispute", dispute);
    body.put("timeline", timeline.entries(disputeId,
        DisputeVisibility.viewer(user(), dispute)));
    body.put("offers", records.offers(disputeId));
    return body;
  }

  @PostMapping("/{disputeId}/escalate")
  public ResponseEntity<Void> escalate(@PathVariable String disputeId) {
    DisputeRecord dispute = visible(disputeId);
    String role = role(dispute);
    correlate(disputeId, DisputeProcess.ESCALATION_REQUESTED_MESSAGE,
        Map.of(DisputeProcess.REQUESTED_BY, role));
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/{disputeId}/cancel")
  public ResponseEntity<Void> cancel(@PathVariable String disputeId) {
    buyerOnly(visible(disputeId));
    correlate(disputeId, DisputeProcess.CANCELLED_MESSAGE, Map.of());
    return ResponseEntity.accepted().build();
  }

  /** Changed claim fields (reason, description, …); the seller's deadline restarts. */
  @PostMapping("/{disputeId}/modify")
  public ResponseEntity<Void> modify(@PathVariable String disputeId,
      @RequestBody Map<String, Object> changes) {
    buyerOnly(visible(disputeId));
    Map<String, Object> claimFields = new HashMap<>();
    for (String field : List.of(DisputeProcess.REASON, DisputeProcess.ITEM_RECEIVED,
        DisputeProcess.PROBLEM_DETAIL, DisputeProcess.DESCRIPTION,
        DisputeProcess.REQUESTED_RESOLUTION, DisputeProcess.REQUESTED_AMOUNT)) {
      if (changes.get(field) != null) {
        claimFields.put(field, changes.get(field));
      }
    }
    if (claimFields.isEmpty()) {
      throw InvalidRequestException.of("Nothing to modify", "body", "names no claim field");
    }
    correlate(disputeId, DisputeProcess.MODIFIED_MESSAGE, claimFields);
    return ResponseEntity.accepted().build();
  }

  @ExceptionHandler(MismatchingMessageCorrelationException.class)
  ProblemDetail noLongerApplies(MismatchingMessageCorrelationException e) {
    return ApiProblems.conflict("No longer possible",
        "This move is possible only while the dispute is between buyer and seller; "
            + "it is closed or under platform review now.");
  }

  /** The party's check was done here; the dispute takes the message from the service. */
  private void correlate(String disputeId, String message, Map<String, Object> variables) {
    engineCalls.correlateAsService(message, disputeId, variables);
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
