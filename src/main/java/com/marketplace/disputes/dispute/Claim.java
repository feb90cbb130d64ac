package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeProcess.DESCRIPTION;
import static com.marketplace.disputes.dispute.DisputeProcess.ITEM_RECEIVED;
import static com.marketplace.disputes.dispute.DisputeProcess.PROBLEM_DETAIL;
import static com.marketplace.disputes.dispute.DisputeProcess.REASON;
import static com.marketplace.disputes.dispute.DisputeProcess.REQUESTED_AMOUNT;
import static com.marketplace.disputes.dispute.DisputeProcess.REQUESTED_RESOLUTION;

import com.marketplace.disputes.kernel.Codes;
import com.marketplace.disputes.kernel.InvalidRequestException;
import com.marketplace.disputes.kernel.InvalidRequestException.FieldError;
import com.marketplace.disputes.kernel.Money;
import com.marketplace.disputes.kernel.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;

/** The buyer's claim, with the contract's rules for each field. */
public record Claim(
    String reason,
    boolean itemReceived,
    String problemDetail,
    String description,
    String requestedResolution,
    BigDecimal requestedAmount) {

  public static final int MIN_DESCRIPTION = 20;
  public static final int MAX_DESCRIPTION = 2000;

  /**
   * Reads and checks the claim fields. Every bad field is reported at once. The amount rule
   * (below the order amount) is checked only when the order amount is known.
   */
  public static Claim read(Function<String, Object> source, BigDecimal orderAmount) {
    List<FieldError> errors = new ArrayList<>();
    String reason = Text.trimmed(source.apply(REASON));
    if (reason == null) {
      errors.add(new FieldError(REASON, "is required"));
    } else {
      oneOf(REASON, reason, EnumSet.allOf(Reason.class), errors);
    }
    Object received = source.apply(ITEM_RECEIVED);
    Boolean itemReceived = received instanceof Boolean b ? b
        : "true".equals(Text.trimmed(received)) ? Boolean.TRUE
        : "false".equals(Text.trimmed(received)) ? Boolean.FALSE : null;
    if (itemReceived == null) {
      errors.add(new FieldError(ITEM_RECEIVED, "is required (true or false)"));
    }
    String problemDetail = Text.trimmed(source.apply(PROBLEM_DETAIL));
    if (Boolean.TRUE.equals(itemReceived) && problemDetail == null) {
      errors.add(new FieldError(PROBLEM_DETAIL, "is required when the item was received"));
    } else if (problemDetail != null) {
      oneOf(PROBLEM_DETAIL, problemDetail, EnumSet.allOf(ProblemDetail.class), errors);
    }
    String description = Text.trimmed(source.apply(DESCRIPTION));
    if (description == null) {
      errors.add(new FieldError(DESCRIPTION, "is required"));
    } else if (description.length() < MIN_DESCRIPTION || description.length() > MAX_DESCRIPTION) {
      errors.add(new FieldError(DESCRIPTION,
          "must be " + MIN_DESCRIPTION + " to " + MAX_DESCRIPTION + " characters"));
    }
    String resolution = Text.trimmed(source.apply(REQUESTED_RESOLUTION));
    if (resolution == null) {
      errors.add(new FieldError(REQUESTED_RESOLUTION, "is required"));
    } else {
      oneOf(REQUESTED_RESOLUTION, resolution, Resolution.REQUESTABLE, errors);
    }
    BigDecimal amount = null;
    Object rawAmount = source.apply(REQUESTED_AMOUNT);
    if (Resolution.PARTIAL_REFUND.name().equals(resolution)) {
      amount = partialAmount(REQUESTED_AMOUNT, rawAmount, orderAmount, errors);
    } else if (Text.trimmed(rawAmount) != null && Money.parse(rawAmount) == null) {
      errors.add(new FieldError(REQUESTED_AMOUNT, "must be a decimal string such as 12.50"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException("Invalid dispute claim", errors);
    }
    return new Claim(reason, itemReceived, itemReceived ? problemDetail : null,
        description, resolution, amount);
  }

  private static <E extends Enum<E>> void oneOf(String field, String value, Collection<E> codes,
      List<FieldError> errors) {
    if (Codes.find(codes, value).isEmpty()) {
      errors.add(new FieldError(field, "must be one of " + Codes.names(codes)));
    }
  }

  /** Checks a partial refund amount: a decimal string, above zero and below the order amount. */
  public static BigDecimal partialAmount(String field, Object raw, BigDecimal orderAmount,
      List<FieldError> errors) {
    if (Text.trimmed(raw) == null) {
      errors.add(new FieldError(field, "is required for a partial refund"));
      return null;
    }
    BigDecimal amount = Money.parse(raw);
    if (amount == null) {
      errors.add(new FieldError(field, "must be a decimal string such as 12.50"));
      return null;
    }
    if (amount.signum() <= 0 || (orderAmount != null && amount.compareTo(orderAmount) >= 0)) {
      errors.add(new FieldError(field, "must be above 0 and below the order amount"
          + (orderAmount == null ? "" : " " + Money.format(orderAmount))));
      return null;
    }
    return amount;
  }
}
