package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeVariables.CLOSURE_REASON;
import static com.marketplace.disputes.dispute.DisputeVariables.INELIGIBILITY_REASON;

import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Ends a dispute request that the eligibility decision refused. */
@Component("disputeClosure")
public class DisputeClosure {

  private final DisputeRecords records;
  private final DisputeFacts facts;
  private final Timeline timeline;

  public DisputeClosure(DisputeRecords records, DisputeFacts facts, Timeline timeline) {
    this.records = records;
    this.facts = facts;
    this.timeline = timeline;
  }

  public void ineligible(DelegateExecution execution) {
    DisputeVariables vars = DisputeVariables.of(execution);
    String disputeId = facts.of(execution).disputeId();
    String reason = vars.string(INELIGIBILITY_REASON);
    vars.set(CLOSURE_REASON, "INELIGIBLE");
    facts.settle(execution, disputeId, "NONE", BigDecimal.ZERO);
    records.close(disputeId, "INELIGIBLE", "INELIGIBLE", "NONE", BigDecimal.ZERO, reason);
    timeline.record(TimelineEvent.system(disputeId, EventKind.INELIGIBLE).detail(reason));
  }
}
