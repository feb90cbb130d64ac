package com.marketplace.disputes.dispute;

import com.marketplace.disputes.kernel.Codes;
import com.marketplace.disputes.kernel.InvalidRequestException;
import com.marketplace.disputes.kernel.Text;

/**
 * What a party may say when asking for escalation: an optional reason of
 * {@link EscalationRequestReason} and an optional comment of at most {@code maxComment}
 * characters. Checked where the request comes in (the parties' API, with the body's field names)
 * and again where the dispute takes it (the message, with the variables' names).
 */
public record EscalationRequest(String reason, String comment) {

  static final String WHAT = "Invalid escalation";

  public static EscalationRequest read(Object reason, Object comment, int maxComment,
      String reasonField, String commentField) {
    String code = Text.trimmed(reason);
    String text = Text.trimmed(comment);
    if (code != null) {
      code = Codes.parse(EscalationRequestReason.class, code, reasonField, WHAT).name();
    }
    if (text != null && text.length() > maxComment) {
      throw InvalidRequestException.of(WHAT, commentField,
          "must be at most " + maxComment + " characters (disputes.policy."
              + "max-escalation-comment-length)");
    }
    return new EscalationRequest(code, text);
  }
}
