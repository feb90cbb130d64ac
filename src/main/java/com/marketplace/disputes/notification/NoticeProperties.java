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
 */
@ConfigurationProperties("disputes.notices")
public record NoticeProperties(
    String from,
    String tasklistUrl,
    ZoneId zone,
    Locale defaultLocale,
    Integer embeddedSmtpPort,
    Duration smtpKeepAlive) {

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
  }
}
