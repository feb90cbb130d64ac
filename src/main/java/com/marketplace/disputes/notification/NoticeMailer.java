package com.marketplace.disputes.notification;

import jakarta.annotation.PreDestroy;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands a written notice to the SMTP server, as one multipart/alternative mail (plain text and
 * HTML). Failures propagate as {@link org.springframework.mail.MailException}.
 *
 * <p>Each sending thread (a dispatcher thread) keeps its SMTP connection for its next notice,
 * for {@code disputes.notices.smtp-keep-alive} after the last mail and up to
 * {@value #MAILS_PER_CONNECTION} mails: opening a connection (TCP, greeting, EHLO, and TLS and
 * login where configured) costs more round trips than the mail itself, and a backlog of notice
 * notices sends mail after mail on the same thread. When a kept connection fails, the mail is tried
 * once on a new one; when that fails too, the error propagates and the dispatcher tries the notice
 * again later. The outbox decides what was sent either way.
 */
@Component
class NoticeMailer {

  /** Carries the idempotency key, so that a mailbox can be checked for duplicates. */
  static final String KEY_HEADER = "X-Notice-Key";

  /** Many servers limit the mails of one session; staying well below keeps that error away. */
  static final int MAILS_PER_CONNECTION = 100;

  private final JavaMailSender mailSender;
  private final NoticeProperties properties;
  private final String messageIdDomain;
  private final ThreadLocal<Connection> connections = new ThreadLocal<>();
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();

  NoticeMailer(JavaMailSender mailSender, NoticeProperties properties) {
    this.mailSender = mailSender;
    this.properties = properties;
    this.messageIdDomain = domainOf(properties.from());
  }

  /** One thread's SMTP connection: when it last sent, and how many mails it carried. */
  private static final class Connection {

    final Transport transport;
    long lastUsed = System.nanoTime();
    int mails;

    Connection(Transport transport) {
      this.transport = transport;
    }

    void close() {
      try {
        transport.close();
      } catch (MessagingException e) {
        // Closing a connection that failed or timed out: nothing is left to clean up.
      }
    }
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

  /** Sends a notice the outbox holds, under the Message-ID it was given when it was written. */
  void send(NoticeQueue.Due due) {
    send(due.address(), due.recipientName(), due.locale(), due.mail(), due.key(),
        due.messageId());
  }

  private void send(String address, String name, Locale locale, RenderedNotice notice,
      String idempotencyKey, String messageId) {
    MimeMessage message = mailSender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(new InternetAddress(properties.from(), true));
      helper.setTo(new InternetAddress(address, name, "UTF-8"));
      helper.setSubject(notice.subject());
      MimeBodyPart text = new MimeBodyPart();
      text.setText(notice.text(), "UTF-8", "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(notice.html(), "UTF-8", "html");
      MimeMultipart alternative = new MimeMultipart("alternative", text, html);
      message.setContent(alternative);
      message.setHeader("Message-ID", messageId);
      message.setHeader(KEY_HEADER, idempotencyKey);
      message.setHeader("Content-Language", locale.toLanguageTag());
      // RFC 3834: keeps out-of-office replies away from an address nobody reads.
      message.setHeader("Auto-Submitted", "auto-generated");
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new MailPreparationException("Cannot write notice " + idempotencyKey, e);
    }
    if (mailSender instanceof JavaMailSenderImpl sender
        && !properties.smtpKeepAlive().isZero()) {
      sendOnKeptConnection(sender, message, idempotencyKey);
    } else {
      mailSender.send(message);
    }
  }

  /** What {@link JavaMailSenderImpl#send} does, on this thread's kept connection. */
  private void sendOnKeptConnection(JavaMailSenderImpl sender, MimeMessage message,
      String idempotencyKey) {
    try {
      if (message.getSentDate() == null) {
        message.setSentDate(new Date());
      }
      // saveChanges() would replace the Message-ID that makes a resent notice recognisable.
      String messageId = message.getMessageID();
      message.saveChanges();
      message.setHeader("Message-ID", messageId);
    } catch (MessagingException e) {
      throw new MailPreparationException("Cannot write notice " + idempotencyKey, e);
    }
    Connection kept = keptConnection();
    if (kept != null) {
      try {
        send(kept, message);
        return;
      } catch (MessagingException e) {
        // The server may have closed it meanwhile. Sending again on a new connection is what the
        // job's retry would do next (the outbox does not have the notice as SENT): only sooner.
        discard(kept);
      }
    }
    Connection fresh = newConnection(sender);
    try {
      send(fresh, message);
    } catch (MessagingException e) {
      discard(fresh);
      throw new MailSendException("Cannot send notice " + idempotencyKey, e);
    }
  }

  private static void send(Connection connection, MimeMessage message) throws MessagingException {
    Address[] recipients = message.getAllRecipients();
    connection.transport.sendMessage(message, recipients == null ? new Address[0] : recipients);
    connection.mails++;
    connection.lastUsed = System.nanoTime();
  }

  /** This thread's connection if it is recent and has not carried too many mails yet. */
  private Connection keptConnection() {
    Connection kept = connections.get();
    if (kept == null) {
      return null;
    }
    boolean recent = System.nanoTime() - kept.lastUsed < properties.smtpKeepAlive().toNanos();
    if (recent && kept.mails < MAILS_PER_CONNECTION) {
      return kept;
    }
    discard(kept);
    return null;
  }

  private Connection newConnection(JavaMailSenderImpl sender) {
    try {
      Transport transport = sender.getSession().getTransport(
          sender.getProtocol() == null ? "smtp" : sender.getProtocol());
      transport.connect(sender.getHost(), sender.getPort(), sender.getUsername(),
          sender.getPassword());
      Connection connection = new Connection(transport);
      connections.set(connection);
      open.add(connection);
      return connection;
    } catch (AuthenticationFailedException e) {
      throw new MailAuthenticationException(e);
    } catch (MessagingException e) {
      throw new MailSendException("Cannot connect to the mail server", e);
    }
  }

  private void discard(Connection connection) {
    connections.remove();
    open.remove(connection);
    connection.close();
  }

  /** Closes every kept connection, of every thread, when the application stops. */
  @PreDestroy
  void closeConnections() {
    open.forEach(Connection::close);
    open.clear();
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
