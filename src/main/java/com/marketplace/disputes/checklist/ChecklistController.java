package com.marketplace.disputes.checklist;

import com.marketplace.disputes.checklist.EvidenceChecklist.Checklist;
import com.marketplace.disputes.dispute.DisputeVisibility;
import com.marketplace.disputes.identity.UserLanguage;
import com.marketplace.disputes.kernel.ApiProblems;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The evidence checklist: for a dispute (its parties and staff; to anyone else it does not
 * exist), ticked against its files; and for a claim still being written on the opening form
 * (everyone logged in: it tells nothing about anyone's dispute). Labels in the caller's language.
 */
@RestController
public class ChecklistController {

  private final EvidenceChecklist checklist;
  private final DisputeVisibility visibility;
  private final IdentityService identityService;
  private final UserLanguage language;

  public ChecklistController(EvidenceChecklist checklist, DisputeVisibility visibility,
      IdentityService identityService, UserLanguage language) {
    this.checklist = checklist;
    this.visibility = visibility;
    this.identityService = identityService;
    this.language = language;
  }

  @GetMapping("/api/disputes/{disputeId}/checklist")
  public Checklist ofDispute(@PathVariable String disputeId) {
    Authentication caller = ApiProblems.caller(identityService);
    return checklist.forDispute(visibility.visibleTo(caller, disputeId),
        language.of(caller.getUserId()));
  }

  /** {@code ?reason=&requestedResolution=[&itemReceived=&problemDetail=]}; 400 names a bad one. */
  @GetMapping("/api/evidence-checklist")
  public Checklist forClaim(@RequestParam Map<String, String> claim) {
    Authentication caller = ApiProblems.caller(identityService);
    return checklist.forClaim(ClaimFacts.read(claim::get), language.of(caller.getUserId()));
  }
}
