package com.marketplace.disputes.appeal;

import static com.marketplace.disputes.appeal.AppealProcess.APPEAL_ID;
import static com.marketplace.disputes.appeal.AppealProcess.APPEAL_REJECTED_REASON;
import static com.marketplace.disputes.appeal.AppealProcess.APPEAL_STATEMENT;
import static com.marketplace.disputes.appeal.AppealProcess.APPELLANT_ID;
import static com.marketplace.disputes.appeal.AppealProcess.DECIDED_BY;
import static com.marketplace.disputes.appeal.AppealProcess.DECISION_RATIONALE;
import static com.marketplace.disputes.appeal.AppealProcess.DISPUTE_REFUND_AMOUNT;
import static com.marketplace.disputes.appeal.AppealProcess.DISPUTE_RESOLUTION;
import static com.marketplace.disputes.appeal.AppealProcess.PLATFORM_DECISION;
import static com.marketplace.disputes.dispute.DisputeProcess.BUYER_ID;
import static com.marketplace.disputes.dispute.DisputeProcess.CURRENCY;
import static com.marketplace.disputes.dispute.DisputeProcess.DISPUTE_ID;
import static com.marketplace.disputes.dispute.DisputeProcess.ORDER_AMOUNT;
import static com.marketplace.disputes.dispute.DisputeProcess.ORDER_ID;
import static com.marketplace.disputes.dispute.DisputeProcess.SELLER_ID;

import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import com.marketplace.disputes.identity.DisputeAccess;
import com.marketplace.disputes.kernel.AppClock;
import com.marketplace.disputes.kernel.Ids;
import com.marketplace.disputes.kernel.InvalidRequestException;
import com.marketplace.disputes.kernel.InvalidRequestException.FieldError;
import com.marketplace.disputes.kernel.Money;
import com.marketplace.disputes.kernel.ProcessVariables;
import com.marketplace.disputes.kernel.Requester;
import com.marketplace.disputes.kernel.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * First step of an appeal: checks the request (bad variables fail the start and leave no
 * instance), gives the ticket its id as business key, and decides whether the dispute can be
 * appealed. A refusal is an outcome, not an error: {@code appealRejectedReason} is set and the
 * instance ends at once, seen only by the appellant.
 *
 * <p>The dispute's row is locked for the rest of this transaction, so two appeals of one dispute
 * are decided one after the other and the second is refused as ALREADY_APPEALED.
 */
@Component
public class RegisterAppealDelegate implements JavaDelegate {

  static final int MIN_STATEMENT = 20;
  static final int MAX_STATEMENT = 4000;
  private static final String WHAT = "Invalid appeal";

  private final DisputeRecords disputes;
  private final AppealRecords appeals;
  private final AppealEligibility eligibility;
  private final DisputeAccess access;
  private final Requester requester;

  public RegisterAppealDelegate(DisputeRecords disputes, AppealRecords appeals,
      AppealEligibility eligibility, DisputeAccess access, Requester requester) {
    this.disputes = disputes;
    this.appeals = appeals;
    this.eligibility = eligibility;
    this.access = access;
    this.requester = requester;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables vars = ProcessVariables.of(execution);
    String appellantId = requester.actingFor(vars.string(APPELLANT_ID), APPELLANT_ID, WHAT);
    String disputeId = Text.trimmed(vars.string(DISPUTE_ID));
    String statement = Text.trimmed(vars.string(APPEAL_STATEMENT));
    List<FieldError> errors = new ArrayList<>();
    if (disputeId == null) {
      errors.add(new FieldError(DISPUTE_ID, "is required"));
    } else if (!disputeId.matches("D-[2-9A-Z]{8}")) {
      errors.add(new FieldError(DISPUTE_ID, "must be a dispute id such as D-7K3M9QX2"));
    }
    if (statement == null) {
      errors.add(new FieldError(APPEAL_STATEMENT, "is required"));
    } else if (statement.length() < MIN_STATEMENT || statement.length() > MAX_STATEMENT) {
      errors.add(new FieldError(APPEAL_STATEMENT,
          "must be " + MIN_STATEMENT + " to " + MAX_STATEMENT + " characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(WHAT, errors);
    }

    Optional<DisputeRecord> dispute = disputes.findForUpdate(disputeId);
    String refusal = eligibility.refusal(dispute, appellantId, AppClock.now());
    String appealId = Ids.next("A");
    execution.setProcessBusinessKey(appealId);
    vars.set(APPEAL_ID, appealId);
    vars.set(APPELLANT_ID, appellantId);
    vars.set(DISPUTE_ID, disputeId);
    vars.set(APPEAL_STATEMENT, statement);
    vars.set(APPEAL_REJECTED_REASON, refusal);
    String role = dispute.map(d -> role(d, appellantId)).orElse(null);
    String pi = execution.getProcessInstanceId();
    if (refusal != null) {
      appeals.insertRefused(appealId, disputeId, pi, appellantId, role, statement, refusal);
      access.grantParties(pi, appellantId, null);
      return;
    }

    DisputeRecord appealed = dispute.get();
    vars.set(ORDER_ID, appealed.orderId());
    vars.set(BUYER_ID, appealed.buyerId());
    vars.set(SELLER_ID, appealed.sellerId());
    vars.set(ORDER_AMOUNT, Money.format(appealed.orderAmount()));
    vars.set(CURRENCY, appealed.currency());
    vars.set(PLATFORM_DECISION, appealed.decision());
    vars.set(DECISION_RATIONALE, appealed.decisionRationale());
    vars.set(DECIDED_BY, appealed.decidedBy());
    vars.set(DISPUTE_RESOLUTION, appealed.resolution());
    vars.set(DISPUTE_REFUND_AMOUNT, Money.format(appealed.refundAmount()));
    try {
      appeals.insertAccepted(appealId, disputeId, pi, appellantId, role, statement,
          appealed.resolution(), appealed.refundAmount());
    } catch (DuplicateKeyException raced) {
      throw InvalidRequestException.of(WHAT, DISPUTE_ID, "is being appealed already");
    }
  }

  static String role(DisputeRecord dispute, String userId) {
    return userId.equals(dispute.buyerId()) ? "BUYER"
        : userId.equals(dispute.sellerId()) ? "SELLER" : null;
  }
}
