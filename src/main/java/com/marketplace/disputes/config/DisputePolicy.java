package com.marketplace.disputes.config;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Every duration of the platform policy (properties {@code disputes.policy.*}), as ISO-8601
 * strings so BPMN timers use them directly: {@code ${disputePolicy.sellerResponseDeadline}}.
 * Defaults are the contract's.
 */
@Component("disputePolicy")
@ConfigurationProperties("disputes.policy")
public class DisputePolicy {

  /** Reminder to the seller before the deadline (non-interrupting timer on RespondToDispute). */
  private String sellerResponseReminder = "P12D";

  /** The seller's time to respond; then the dispute escalates. */
  private String sellerResponseDeadline = "P15D";

  /** The buyer's time to answer the seller's response. */
  private String buyerResponseDeadline = "P7D";

  /** A party's time to provide evidence the mediator asked for. */
  private String evidenceDeadline = "P5D";

  /** The mediators' service level for a decision. */
  private String mediationSla = "P2D";

  /** The buyer's time to ship a return. */
  private String returnShipmentDeadline = "P10D";

  /** The seller's time to confirm a return; then taken as received. */
  private String returnReceiptDeadline = "P15D";

  /** The seller's time to answer a buyer's first message. */
  private String sellerReplyDeadline = "P2D";

  /** The buyer's time to say whether the seller's answer settled it; then the contact closes. */
  private String buyerConfirmationDeadline = "P14D";

  /** How long after closure a dispute may be appealed. */
  private String appealWindow = "P30D";

  /** The senior mediators' service level for an appeal. */
  private String appealReviewSla = "P5D";

  /** Retries of a failed refund job. */
  private String refundRetryCycle = "R5/PT1M";

  /** Business days until a refund reaches the buyer. */
  private int refundBusinessDays = 10;

  /** Days after shipping before a dispute may open (unless delivery is overdue). */
  private int minDaysSinceShipping = 10;

  /** Days of buyer protection that must remain to open a dispute. */
  private int minProtectionDaysLeft = 15;

  /** How often the buyer may change the claim by the modify move; each change restarts the seller's days. */
  private int maxClaimChanges = 3;

  /** The longest comment a party may give with an escalation. */
  private int maxEscalationCommentLength = 2000;

  public String getSellerResponseReminder() {
    return sellerResponseReminder;
  }

  public void setSellerResponseReminder(String sellerResponseReminder) {
    this.sellerResponseReminder = sellerResponseReminder;
  }

  public String getSellerResponseDeadline() {
    return sellerResponseDeadline;
  }

  public void setSellerResponseDeadline(String sellerResponseDeadline) {
    this.sellerResponseDeadline = sellerResponseDeadline;
  }

  public String getBuyerResponseDeadline() {
    return buyerResponseDeadline;
  }

  public void setBuyerResponseDeadline(String buyerResponseDeadline) {
    this.buyerResponseDeadline = buyerResponseDeadline;
  }

  public String getEvidenceDeadline() {
    return evidenceDeadline;
  }

  public void setEvidenceDeadline(String evidenceDeadline) {
    this.evidenceDeadline = evidenceDeadline;
  }

  public String getMediationSla() {
    return mediationSla;
  }

  public void setMediationSla(String mediationSla) {
    this.mediationSla = mediationSla;
  }

  public String getReturnShipmentDeadline() {
    return returnShipmentDeadline;
  }

  public void setReturnShipmentDeadline(String returnShipmentDeadline) {
    this.returnShipmentDeadline = returnShipmentDeadline;
  }

  public String getReturnReceiptDeadline() {
    return returnReceiptDeadline;
  }

  public void setReturnReceiptDeadline(String returnReceiptDeadline) {
    this.returnReceiptDeadline = returnReceiptDeadline;
  }

  public String getSellerReplyDeadline() {
    return sellerReplyDeadline;
  }

  public void setSellerReplyDeadline(String sellerReplyDeadline) {
    this.sellerReplyDeadline = sellerReplyDeadline;
  }

  public String getBuyerConfirmationDeadline() {
    return buyerConfirmationDeadline;
  }

  public void setBuyerConfirmationDeadline(String buyerConfirmationDeadline) {
    this.buyerConfirmationDeadline = buyerConfirmationDeadline;
  }

  public String getAppealWindow() {
    return appealWindow;
  }

  public void setAppealWindow(String appealWindow) {
    this.appealWindow = appealWindow;
  }

  public String getAppealReviewSla() {
    return appealReviewSla;
  }

  public void setAppealReviewSla(String appealReviewSla) {
    this.appealReviewSla = appealReviewSla;
  }

  public String getRefundRetryCycle() {
    return refundRetryCycle;
  }

  public void setRefundRetryCycle(String refundRetryCycle) {
    this.refundRetryCycle = refundRetryCycle;
  }

  public int getRefundBusinessDays() {
    return refundBusinessDays;
  }

  public void setRefundBusinessDays(int refundBusinessDays) {
    this.refundBusinessDays = refundBusinessDays;
  }

  public int getMinDaysSinceShipping() {
    return minDaysSinceShipping;
  }

  public void setMinDaysSinceShipping(int minDaysSinceShipping) {
    this.minDaysSinceShipping = minDaysSinceShipping;
  }

  public int getMinProtectionDaysLeft() {
    return minProtectionDaysLeft;
  }

  public void setMinProtectionDaysLeft(int minProtectionDaysLeft) {
    this.minProtectionDaysLeft = minProtectionDaysLeft;
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

  public int getMaxClaimChanges() {
    return maxClaimChanges;
  }

  public void setMaxClaimChanges(int maxClaimChanges) {
    this.maxClaimChanges = maxClaimChanges;
  }

  public int getMaxEscalationCommentLength() {
    return maxEscalationCommentLength;
  }

  public void setMaxEscalationCommentLength(int maxEscalationCommentLength) {
    this.maxEscalationCommentLength = maxEscalationCommentLength;
  }
}
