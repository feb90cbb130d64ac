package com.marketplace.disputes.appeal;

import com.marketplace.disputes.dispute.DisputeProcess;

/**
 * The names of {@code appealTicket} the code needs: its key, the elements code finds by id and
 * its variables. The case's variables and the appealed decision are the dispute's names.
 */
public final class AppealProcess {

  public static final String KEY = "appealTicket";

  // Elements the code acts on by id.
  public static final String REVIEW_APPEAL = "ReviewAppeal";

  // Variables.
  public static final String APPEAL_ID = "appealId";
  public static final String APPELLANT_ID = "appellantId";
  public static final String APPEAL_STATEMENT = "appealStatement";
  public static final String APPEAL_REJECTED_REASON = "appealRejectedReason";
  public static final String APPEAL_DECISION = "appealDecision";
  public static final String APPEAL_RATIONALE = "appealRationale";
  public static final String APPEAL_OVERDUE = "appealOverdue";
  public static final String REVIEWED_BY = "reviewedBy";
  /** The outcome the appealed dispute closed with, before the appeal. */
  public static final String DISPUTE_RESOLUTION = "disputeResolution";
  public static final String DISPUTE_REFUND_AMOUNT = "disputeRefundAmount";
  public static final String CARRY_OUT_RESOLUTION = "carryOutResolution";

  /** The new outcome of an overturn, under the dispute's names. */
  public static final String RESOLUTION = DisputeProcess.RESOLUTION;
  public static final String REFUND_AMOUNT = DisputeProcess.REFUND_AMOUNT;
  /** The appealed decision, copied from the dispute for the reviewer. */
  public static final String PLATFORM_DECISION = DisputeProcess.PLATFORM_DECISION;
  public static final String DECISION_RATIONALE = DisputeProcess.DECISION_RATIONALE;
  public static final String DECIDED_BY = DisputeProcess.DECIDED_BY;

  private AppealProcess() {}
}
