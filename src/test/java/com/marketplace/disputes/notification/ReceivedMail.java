package com.marketplace.disputes.notification;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Arrays;
import java.util.List;

/** A mail as a test reads it: the parsed parts of a message GreenMail received. */
record ReceivedMail(String subject, List<String> to, String from, String messageId, String key,
    String language, String text, String html) {

  static ReceivedMail of(MimeMessage message) {
    try {
      String text = null;
      String html = null;
      MimeMultipart parts = (MimeMultipart) message.getContent();
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart part = parts.getBodyPart(i);
        if (part.isMimeType("text/plain")) {
          text = (String) part.getContent();
        } else if (part.isMimeType("text/html")) {
          html = (String) part.getContent();
        }
      }
      return new ReceivedMail(
          message.getSubject(),
          Arrays.stream(message.getRecipients(Message.RecipientType.TO))
              .map(address -> ((InternetAddress) address).getAddress())
              .toList(),
          ((InternetAddress) message.getFrom()[0]).getAddress(),
          message.getMessageID(),
          message.getHeader(NoticeMailer.KEY_HEADER, null),
          message.getHeader("Content-Language", null),
          text,
          html);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read a received mail", e);
    }
  }

  /** Both parts, for facts that must be in each of them. */
  boolean bothPartsContain(String fact) {
    return text.contains(fact) && html.contains(fact);
  }
}
