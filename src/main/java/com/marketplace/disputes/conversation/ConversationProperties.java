package com.marketplace.disputes.conversation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of a dispute's conversation (properties {@code disputes.conversation.*}), which keep it
 * fair and the mail sane.
 *
 * @param maxLength the longest message, in characters (at most 4000, what the timeline keeps)
 * @param rate how many messages one author may write in one dispute within a period
 * @param mailDelay how long the mail about a new message waits for further messages to join it
 */
@ConfigurationProperties("disputes.conversation")
public record ConversationProperties(
    @DefaultValue("2000") int maxLength,
    @DefaultValue Rate rate,
    @DefaultValue("PT2M") Duration mailDelay) {

  /** The longest message the timeline's entry holds whole. */
  static final int MAX_STORED_LENGTH = 4000;

  public ConversationProperties {
    if (maxLength < 1 || maxLength > MAX_STORED_LENGTH) {
      throw new IllegalArgumentException("disputes.conversation.max-length must be 1 to "
          + MAX_STORED_LENGTH + ", the characters the dispute's timeline keeps of a message");
    }
    if (mailDelay.isNegative()) {
      throw new IllegalArgumentException("disputes.conversation.mail-delay must not be negative");
    }
  }

  /**
   * @param messages the most messages of one author in one dispute within {@code period}
   * @param period the window they are counted in
   */
  public record Rate(@DefaultValue("20") int messages, @DefaultValue("PT1H") Duration period) {

    public Rate {
      if (messages < 1 || period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException(
            "disputes.conversation.rate needs messages >= 1 and a positive period");
      }
    }
  }
}
