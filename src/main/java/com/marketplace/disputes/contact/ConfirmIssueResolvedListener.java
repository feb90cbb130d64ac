package com.marketplace.disputes.contact;

import static com.marketplace.disputes.contact.SellerContactProcess.ISSUE_RESOLVED;
import static com.marketplace.disputes.contact.SellerContactProcess.OPEN_DISPUTE;
import static com.marketplace.disputes.dispute.DisputeProcess.PROBLEM_DETAIL;
import static com.marketplace.disputes.dispute.DisputeProcess.REQUESTED_AMOUNT;

import com.marketplace.disputes.dispute.Claim;
import com.marketplace.disputes.dispute.DisputeFacts;
import com.marketplace.disputes.kernel.InvalidRequestException;
import com.marketplace.disputes.kernel.Money;
import com.marketplace.disputes.kernel.TaskAnswers;
import com.marketplace.disputes.kernel.Text;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks the buyer's answer: resolved or not, and when not, whether to open a dispute. A dispute
 * needs a complete claim, checked here by the dispute's own rules so that a bad claim keeps the
 * task open instead of failing behind the buyer's back.
 */
@Component
public class ConfirmIssueResolvedListener implements TaskListener {

  private final DisputeFacts facts;

  public ConfirmIssueResolvedListener(DisputeFacts facts) {
    this.facts = facts;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskAnswers answers = new TaskAnswers(task);
    Boolean resolved = bool(answers, ISSUE_RESOLVED);
    Boolean openDispute = null;
    if (Boolean.FALSE.equals(resolved)) {
      openDispute = bool(answers, OPEN_DISPUTE);
    } else if (Boolean.TRUE.equals(resolved) && Boolean.TRUE.equals(asBoolean(answers.raw(OPEN_DISPUTE)))) {
      answers.error(OPEN_DISPUTE, "is possible only when the issue is not resolved");
    }
    Claim claim = null;
    if (Boolean.TRUE.equals(openDispute)) {
      try {
        claim = Claim.read(task::getVariable, facts.of(task).orderAmount());
      } catch (InvalidRequestException bad) {
        answers.errors().addAll(bad.errors());
      }
    }
    answers.check();

    task.setVariable(ISSUE_RESOLVED, resolved);
    task.setVariable(OPEN_DISPUTE, openDispute != null && openDispute);
    if (claim != null) {
      task.setVariable(PROBLEM_DETAIL, claim.problemDetail());
      task.setVariable(REQUESTED_AMOUNT,
          claim.requestedAmount() == null ? null : Money.format(claim.requestedAmount()));
    }
  }

  /** A required yes or no: a Boolean, or the text true or false as a form may send it. */
  private static Boolean bool(TaskAnswers answers, String field) {
    Object raw = answers.raw(field);
    Boolean value = asBoolean(raw);
    if (value == null) {
      answers.error(field, raw == null ? "is required (true or false)" : "must be true or false");
    }
    return value;
  }

  private static Boolean asBoolean(Object raw) {
    if (raw instanceof Boolean b) {
      return b;
    }
    String text = Text.trimmed(raw);
    return "true".equals(text) ? Boolean.TRUE : "false".equals(text) ? Boolean.FALSE : null;
  }
}
