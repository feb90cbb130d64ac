package com.marketplace.disputes.appeal;

import com.marketplace.disputes.appeal.AppealRecords.AppealRecord;
import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import com.marketplace.disputes.dispute.DisputeVisibility;
import com.marketplace.disputes.identity.UserLanguage;
import com.marketplace.disputes.kernel.ApiProblems;
import com.marketplace.disputes.kernel.ApiProblems.NotVisible;
import com.marketplace.disputes.kernel.Requester;
import com.marketplace.disputes.policy.DecisionBasis;
import com.marketplace.disputes.timeline.Timeline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Appeals as their readers see them: the appellant and the other party follow the ticket; a
 * senior mediator reviewing it gets the whole dispute beside the statement (claim, offers,
 * timeline with the prior contact and the evidence, the decision and its rationale).
 */
@RestController
@RequestMapping("/api/appeals")
public class AppealController {

  private final AppealRecords appeals;
  private final DisputeRecords disputes;
  private final IdentityService identityService;
  private final Timeline timeline;
  private final DecisionBasis basis;
  private final UserLanguage languages;

  public AppealController(AppealRecords appeals, DisputeRecords disputes,
      IdentityService identityService, Timeline timeline, DecisionBasis basis,
      UserLanguage languages) {
    this.basis = basis;
    this.languages = languages;
    this.appeals = appeals;
    this.disputes = disputes;
    this.identityService = identityService;
    this.timeline = timeline;
  }

  /** The appeals the caller filed, newest first. */
  @GetMapping
  public List<AppealRecord> mine() {
    return appeals.findByAppellant(user().getUserId(), 100);
  }

  /**
   * One appeal; with the dispute when the caller is staff or a party of that dispute (a refused
   * stranger's ticket shows nothing of a dispute that is not theirs).
   */
  @GetMapping("/{appealId}")
  public Map<String, Object> show(@PathVariable String appealId) {
    Authentication user = user();
    AppealRecord appeal = appeals.find(appealId)
        .orElseThrow(() -> new NotVisible("appeal", appealId));
    Optional<DisputeRecord> dispute = disputes.find(appeal.disputeId())
        .filter(d -> Requester.isPartyOrStaff(user, d.buyerId(), d.sellerId()));
    if (!Requester.isPartyOrStaff(user, appeal.appellantId()) && dispute.isEmpty()) {
      throw new NotVisible("appeal", appealId);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("appeal", appeal);
    dispute.ifPresent(d -> {
      body.put("dispute", d);
      body.put("timeline", timeline.entries(d.disputeId(), DisputeVisibility.viewer(user, d)));
      body.put("offers", disputes.offers(d.disputeId()));
      body.put("decisions", basis.ofDispute(d.disputeId(), languages.of(user.getUserId())));
    });
    return body;
  }

  private Authentication user() {
    return ApiProblems.caller(identityService);
  }
}
