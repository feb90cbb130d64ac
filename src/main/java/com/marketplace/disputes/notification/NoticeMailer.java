package com.marketplace.disputes.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands a written notice to the SMTP server, as one multipart/alternative mail (plain text and
 * HTML). Failures propagate as {@link org.springframework.mail.MailException}.
 */
@Component
class NoticeMailer {

  /** Carries the idempotency key, so that a mailbox can be checked for duplicates. */
  static final String KEY_HEADER = "X-Notice-Key";

  private final JavaMailSender mailSender;
  private final NoticeProperties properties;
  private final String messageIdDomain;

  NoticeMailer(JavaMailSender mailSender, NoticeProperties properties) {
    this.mailSender = mailSender;
    this.properties = properties;
    this.messageIdDomain = domainOf(properties.from());
  }

  /**
   * The same key always gives the same Message-ID, so that if a mail ever is sent twice (the
   * server accepted it but the outbox could not record that) mail clients show it once.
   */
  String messageIdFor(String idempotencyKey) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
      return "<notice." + HexFormat.of().formatHex(hash, 0, 20) + "@" + messageIdDomain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  void send(Recipient recipient, RenderedNotice notice, String idempotencyKey) {
    MimeMessage message = mailSender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(new InternetAddress(properties.from(), true));
      helper.setTo(new InternetAddress(recipient.email(), recipient.name(), "UTF-8"));
      helper.setSubject(notice.subject());
      MimeBodyPart text = new MimeBodyPart();
      text.setText(notice.text(), "UTF-8", "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(notice.html(), "UTF-8", "html");
      MimeMultipart alternative = new MimeMultipart("alternative", text, html);
      message.setContent(alternative);
      message.setHeader("Message-ID", messageIdFor(idempotencyKey));
      message.setHeader(KEY_HEADER, idempotencyKey);
      message.setHeader("Content-Language", recipient.locale().toLanguageTag());
      // RFC 3834: keeps out-of-office replies away from an address nobody reads.
      message.setHeader("Auto-Submitted", "auto-generated");
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new MailPreparationException("Cannot write notice " + idempotencyKey, e);
    }
    mailSender.send(message);
  }

  private static String domainOf(String from) {
    try {
      String address = new InternetAddress(from, true).getAddress();
      int at = address.lastIndexOf('@');
      return at < 0 ? "localhost" : address.substring(at + 1);
    } catch (MessagingException e) {
      throw new IllegalArgumentException("disputes.notices.from is no mail address: " + from, e);
    }
  }
}
