package com.marketplace.disputes.notification;

import jakarta.mail.internet.MimeMessage;

/**
 * What the outbox viewer reads from the embedded SMTP server: the mails it received. An interface
 * of our own, so that the viewer does not name GreenMail's classes, which a production jar
 * leaves out.
 */
interface EmbeddedMailbox {

  MimeMessage[] receivedMessages();
}
