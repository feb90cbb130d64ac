package com.marketplace.disputes.notification;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the email notices ({@code disputes.notices.*}).
 *
 * @param from sender address of every notice
 * @param tasklistUrl Tasklist base URL; links to tasks are built from it
 * @param zone time zone in which deadlines are written
 * @param defaultLocale language for recipients without a supported {@code locale} user info
 * @param embeddedSmtpPort loopback port of the embedded SMTP server, used only while
 *     {@code spring.mail.host} is unset; 0 takes any free port
 * @param smtpKeepAlive how long a job thread keeps its SMTP connection open for its next notice;
 *     zero opens a connection for every mail
 * @param dispatch how the dispatcher sends the notices the steps wrote
 */
@ConfigurationProperties("disputes.notices")
public record NoticeProperties(
    String from,
    String tasklistUrl,
    ZoneId zone,
    Locale defaultLocale,
    Integer embeddedSmtpPort,
    Duration smtpKeepAlive,
    Dispatch dispatch) {

  /**
   * The notice dispatcher ({@code disputes.notices.dispatch.*}).
   *
   * @param enabled whether this node sends notices by itself (off in tests, which send them)
   * @param threads sender threads of this node
   * @param batchSize most notices a sender takes at once
   * @param pollInterval how long a sender that found fewer than a batch waits before it looks again
   * @param lease how long a taken batch is the sender's; after it, another sender takes what is
   *     left (a node that died); must exceed the time a batch takes to send
   * @param firstRetry the wait after a notice's first failed attempt; it doubles with each
   * @param maxRetryDelay the longest wait between two attempts
   * @param maxAttempts after this many failed attempts a notice waits for an operator
   */
  public record Dispatch(Boolean enabled, Integer threads, Integer batchSize,
      Duration pollInterval, Duration lease, Duration firstRetry, Duration maxRetryDelay,
      Integer maxAttempts) {

    public Dispatch {
      enabled = enabled == null || enabled;
      threads = positive(threads == null ? 2 : threads, "threads");
      batchSize = positive(batchSize == null ? 50 : batchSize, "batch-size");
      pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
      lease = lease == null ? Duration.ofMinutes(5) : lease;
      firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
      maxRetryDelay = maxRetryDelay == null ? Duration.ofMinutes(10) : maxRetryDelay;
      maxAttempts = positive(maxAttempts == null ? 30 : maxAttempts, "max-attempts");
    }

    private static int positive(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException("disputes.notices.dispatch." + name + " must be >= 1");
      }
      return value;
    }
  }

  public NoticeProperties {
    from = from == null || from.isBlank() ? "Dispute mediation <disputes@marketplace.example>" : from;
    tasklistUrl = tasklistUrl == null || tasklistUrl.isBlank()
        ? "http://localhost:8080/camunda/app/tasklist/default/"
        : tasklistUrl;
    if (!tasklistUrl.endsWith("/")) {
      tasklistUrl = tasklistUrl + "/";
    }
    zone = zone == null ? ZoneId.of("UTC") : zone;
    defaultLocale = defaultLocale == null ? Locale.ENGLISH : defaultLocale;
    embeddedSmtpPort = embeddedSmtpPort == null ? 3025 : embeddedSmtpPort;
    if (embeddedSmtpPort < 0 || embeddedSmtpPort > 65535) {
      throw new IllegalArgumentException("disputes.notices.embedded-smtp-port must be 0 to 65535");
    }
    smtpKeepAlive = smtpKeepAlive == null ? Duration.ofSeconds(5) : smtpKeepAlive;
    if (smtpKeepAlive.isNegative()) {
      throw new IllegalArgumentException("disputes.notices.smtp-keep-alive must not be negative");
    }
    dispatch = dispatch == null
        ? new Dispatch(null, null, null, null, null, null, null, null) : dispatch;
  }
}
