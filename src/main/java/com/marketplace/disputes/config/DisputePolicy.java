package com.marketplace.disputes.config;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every duration of the platform policy, as ISO-8601 strings so that BPMN timers can use them
 * directly (`${disputePolicy.sellerResponseDeadline}`). Defaults are the contract's.
 */
@ConfigurationProperties("disputes.policy")
public record DisputePolicy(
    String sellerResponseReminder,
    String sellerResponseDeadline,
    String buyerResponseDeadline,
    String evidenceDeadline,
    String mediationSla,
    String returnShipmentDeadline,
    String returnReceiptDeadline,
    String sellerReplyDeadline,
    String appealWindow,
    String appealReviewSla,
    String refundRetryCycle,
    String noticeRetryCycle,
    int refundBusinessDays,
    int minDaysSinceShipping,
    int minProtectionDaysLeft) {

  public DisputePolicy {
    sellerResponseReminder = orDefault(sellerResponseReminder, "P12D");
    sellerResponseDeadline = orDefault(sellerResponseDeadline, "P15D");
    buyerResponseDeadline = orDefault(buyerResponseDeadline, "P7D");
    evidenceDeadline = orDefault(evidenceDeadline, "P5D");
    mediationSla = orDefault(mediationSla, "P2D");
    returnShipmentDeadline = orDefault(returnShipmentDeadline, "P10D");
    returnReceiptDeadline = orDefault(returnReceiptDeadline, "P15D");
    sellerReplyDeadline = orDefault(sellerReplyDeadline, "P2D");
    appealWindow = orDefault(appealWindow, "P30D");
    appealReviewSla = orDefault(appealReviewSla, "P5D");
    refundRetryCycle = orDefault(refundRetryCycle, "R5/PT1M");
    noticeRetryCycle = orDefault(noticeRetryCycle, "R10/PT5M");
    refundBusinessDays = refundBusinessDays > 0 ? refundBusinessDays : 10;
    minDaysSinceShipping = minDaysSinceShipping > 0 ? minDaysSinceShipping : 10;
    minProtectionDaysLeft = minProtectionDaysLeft > 0 ? minProtectionDaysLeft : 15;
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  /** The instant an ISO-8601 duration ("P15D", "PT36H", "P1DT12H") after {@code from}. */
  public static Instant after(Instant from, String isoDuration) {
    String iso = isoDuration.trim();
    int t = iso.indexOf('T');
    if (t < 0) {
      return from.atOffset(ZoneOffset.UTC).plus(Period.parse(iso)).toInstant();
    }
    String datePart = iso.substring(0, t);
    Instant base = datePart.length() > 1
        ? from.atOffset(ZoneOffset.UTC).plus(Period.parse(datePart)).toInstant()
        : from;
    return base.plus(Duration.parse("PT" + iso.substring(t + 1)));
  }
}
