package com.marketplace.disputes.appeal;

import static com.marketplace.disputes.appeal.AppealProcess.CARRY_OUT_RESOLUTION;

import com.marketplace.disputes.appeal.AppealRecords.AppealRecord;
import com.marketplace.disputes.dispute.DisputeFacts;
import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.dispute.Resolution;
import com.marketplace.disputes.kernel.ProcessVariables;
import com.marketplace.disputes.refund.RefundService;
import com.marketplace.disputes.timeline.ActorRole;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Keeps the senior mediator's decision, as the appeal's row records it, in the dispute's
 * timeline, and says whether an overturn leaves anything to carry out: a return, a replacement,
 * or a refund above what was paid already. Money paid out is never reclaimed here; an overturn
 * to less than was refunded changes the record only.
 *
 * <p>The variables the called returnAndRefund receives (the dispute, its parties, the outcome)
 * are written from the records here, right before the call.
 */
@Component
public class RecordAppealDecisionDelegate implements JavaDelegate {

  private final AppealRecords appeals;
  private final DisputeFacts facts;
  private final RefundService refunds;
  private final Timeline timeline;

  public RecordAppealDecisionDelegate(AppealRecords appeals, DisputeFacts facts,
      RefundService refunds, Timeline timeline) {
    this.appeals = appeals;
    this.facts = facts;
    this.refunds = refunds;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Case appeal = facts.writeParties(execution);
    facts.writeOutcome(execution);
    AppealRecord decided = appeals.find(appeal.appealId()).orElseThrow();
    String resolution = decided.resolution();
    BigDecimal refund = decided.refundAmount();
    boolean overturned = AppealDecision.OVERTURN.name().equals(decided.decision());
    timeline.record(TimelineEvent.by(appeal.disputeId(), decided.reviewerId(), ActorRole.PLATFORM,
        overturned ? EventKind.APPEAL_OVERTURNED : EventKind.APPEAL_UPHELD)
        .detail(decided.rationale()).naming(resolution, refund));
    ProcessVariables.of(execution).set(CARRY_OUT_RESOLUTION, overturned
        && (Resolution.RETURN_AND_REFUND.name().equals(resolution)
            || Resolution.REPLACEMENT.name().equals(resolution)
            || refund.compareTo(refunds.refundedSoFar(appeal.disputeId())) > 0));
  }
}
