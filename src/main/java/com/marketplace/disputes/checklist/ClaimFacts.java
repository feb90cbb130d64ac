package com.marketplace.disputes.checklist;

import static com.marketplace.disputes.dispute.DisputeProcess.ITEM_RECEIVED;
import static com.marketplace.disputes.dispute.DisputeProcess.PROBLEM_DETAIL;
import static com.marketplace.disputes.dispute.DisputeProcess.REASON;
import static com.marketplace.disputes.dispute.DisputeProcess.REQUESTED_RESOLUTION;

import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import com.marketplace.disputes.dispute.ProblemDetail;
import com.marketplace.disputes.dispute.Reason;
import com.marketplace.disputes.dispute.Resolution;
import com.marketplace.disputes.kernel.Codes;
import com.marketplace.disputes.kernel.InvalidRequestException;
import com.marketplace.disputes.kernel.InvalidRequestException.FieldError;
import com.marketplace.disputes.kernel.Text;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The parts of a claim that decide what evidence it needs: the inputs of the decision
 * {@code evidenceChecklist}. A problem with the item counts only for an item that arrived, as in
 * the claim itself.
 */
public record ClaimFacts(Reason reason, boolean itemReceived, ProblemDetail problemDetail,
    Resolution requestedResolution) {

  /** The claim of a dispute as the service recorded it. */
  public static ClaimFacts of(DisputeRecord dispute) {
    return new ClaimFacts(Codes.find(EnumSet.allOf(Reason.class), dispute.reason()).orElse(null),
        dispute.itemReceived(),
        Codes.find(EnumSet.allOf(ProblemDetail.class), dispute.problemDetail()).orElse(null),
        Codes.find(EnumSet.allOf(Resolution.class), dispute.requestedResolution()).orElse(null));
  }

  /**
   * A claim being written, from the opening form's fields: {@code reason} and
   * {@code requestedResolution} required, {@code itemReceived} (true or false) and
   * {@code problemDetail} optional. Every bad field is refused at once, each by its name.
   */
  public static ClaimFacts read(Function<String, Object> source) {
    List<FieldError> errors = new ArrayList<>();
    Reason reason = code(source, REASON, EnumSet.allOf(Reason.class), true, errors);
    Resolution resolution =
        code(source, REQUESTED_RESOLUTION, Resolution.REQUESTABLE, true, errors);
    String received = Text.trimmed(source.apply(ITEM_RECEIVED));
    if (received != null && !received.equals("true") && !received.equals("false")) {
      errors.add(new FieldError(ITEM_RECEIVED, "must be true or false"));
    }
    ProblemDetail detail =
        code(source, PROBLEM_DETAIL, EnumSet.allOf(ProblemDetail.class), false, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException("Invalid checklist request", errors);
    }
    boolean itemReceived = "true".equals(received);
    return new ClaimFacts(reason, itemReceived, itemReceived ? detail : null, resolution);
  }

  private static <E extends Enum<E>> E code(Function<String, Object> source, String field,
      Collection<E> allowed, boolean required, List<FieldError> errors) {
    return Codes.check(source.apply(field), field, allowed, required, errors);
  }

  /** The decision's inputs, by the claim's variable names. */
  public Map<String, Object> inputs() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(REASON, Codes.name(reason));
    inputs.put(ITEM_RECEIVED, itemReceived);
    inputs.put(PROBLEM_DETAIL, itemReceived ? Codes.name(problemDetail) : null);
    inputs.put(REQUESTED_RESOLUTION, Codes.name(requestedResolution));
    return inputs;
  }
}
