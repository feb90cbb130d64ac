package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeProcess.CLOSURE_REASON;
import static com.marketplace.disputes.dispute.DisputeProcess.INELIGIBILITY_REASON;

import com.marketplace.disputes.kernel.ProcessVariables;
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
    ProcessVariables vars = ProcessVariables.of(execution);
    String disputeId = facts.of(execution).disputeId();
    String reason = vars.string(INELIGIBILITY_REASON);
    String ineligible = ClosureReason.INELIGIBLE.name();
    vars.set(CLOSURE_REASON, ineligible);
    facts.settle(execution, disputeId, Resolution.NONE.name(), BigDecimal.ZERO);
    records.close(disputeId, DisputeStatus.INELIGIBLE, ineligible, Resolution.NONE.name(),
        BigDecimal.ZERO, reason);
    timeline.record(TimelineEvent.system(disputeId, EventKind.INELIGIBLE).detail(reason));
  }
}
