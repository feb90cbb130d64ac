package com.marketplace.disputes.notification;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The outbox viewer for administrators: every notice in the outbox with its status, the next
 * attempt of one that failed, retry and drop for the operator, and the mails the embedded SMTP
 * server received, each with a preview of its HTML part.
 */
@Controller
@RequestMapping(OutboxViewerController.PATH)
class OutboxViewerController {

  static final String PATH = "/outbox";
  private static final int ROWS = 500;

  static final String REQUESTED_BY = "X-Requested-By";

  private final NoticeOutbox outbox;
  private final ObjectProvider<EmbeddedMailbox> embeddedSmtpServer;
  private final IdentityService identityService;

  OutboxViewerController(NoticeOutbox outbox, ObjectProvider<EmbeddedMailbox> embeddedSmtpServer,
      IdentityService identityService) {
    this.outbox = outbox;
    this.embeddedSmtpServer = embeddedSmtpServer;
    this.identityService = identityService;
  }

  @GetMapping({"", "/"})
  String overview(Model model) {
    List<ReceivedMail> received = received();
    Map<String, Integer> receivedByMessageId = new HashMap<>();
    received.forEach(mail -> receivedByMessageId.putIfAbsent(mail.messageId(), mail.index()));
    List<NoticeOutbox.Row> rows = outbox.recent(ROWS);
    model.addAttribute("rows", rows);
    model.addAttribute("limit", ROWS);
    model.addAttribute("statusCounts", rows.stream()
        .collect(Collectors.groupingBy(row -> row.status().name(), Collectors.counting())));
    model.addAttribute("embedded", embeddedSmtpServer.getIfAvailable() != null);
    List<ReceivedMail> newestFirst = new ArrayList<>(received);
    Collections.reverse(newestFirst);
    model.addAttribute("received", newestFirst);
    model.addAttribute("receivedByMessageId", receivedByMessageId);
    return "outbox/index";
  }

  /**
   * An operator's retry: the notice is due again now. Refused without the header the viewer's
   * page sends, which a form or link on another site cannot send.
   */
  @PostMapping("/notices/retry")
  ResponseEntity<Void> retry(@RequestParam String key,
      @RequestHeader(name = REQUESTED_BY, required = false) String requestedBy) {
    requireViewerRequest(requestedBy);
    if (!outbox.retry(key)) {
      throw unchangeable(key);
    }
    return ResponseEntity.noContent().build();
  }

  /** An operator's drop: the notice is never sent. */
  @PostMapping("/notices/drop")
  ResponseEntity<Void> drop(@RequestParam String key,
      @RequestHeader(name = REQUESTED_BY, required = false) String requestedBy) {
    requireViewerRequest(requestedBy);
    String operator = identityService.getCurrentAuthentication().getUserId();
    if (!outbox.drop(key, "dropped by " + operator)) {
      throw unchangeable(key);
    }
    return ResponseEntity.noContent().build();
  }

  private static void requireViewerRequest(String requestedBy) {
    if (requestedBy == null || requestedBy.isBlank()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Send the header " + REQUESTED_BY + " (the outbox viewer does)");
    }
  }

  /** 409 for a notice whose state does not allow the change, 404 for no such notice. */
  private ResponseStatusException unchangeable(String key) {
    return new ResponseStatusException(outbox.find(key).isPresent() ? HttpStatus.CONFLICT
        : HttpStatus.NOT_FOUND, "No notice " + key + " that can be changed so");
  }

  @GetMapping("/messages/{index}")
  String message(@PathVariable int index, Model model) {
    List<ReceivedMail> received = received();
    if (index < 0 || index >= received.size()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No received mail " + index);
    }
    model.addAttribute("mail", received.get(index));
    return "outbox/message";
  }

  private List<ReceivedMail> received() {
    EmbeddedMailbox server = embeddedSmtpServer.getIfAvailable();
    if (server == null) {
      return List.of();
    }
    MimeMessage[] messages = server.receivedMessages();
    List<ReceivedMail> mails = new ArrayList<>(messages.length);
    for (int i = 0; i < messages.length; i++) {
      mails.add(ReceivedMail.of(i, messages[i]));
    }
    return mails;
  }

  /** A mail as the embedded server holds it, taken apart for the page. */
  record ReceivedMail(int index, Instant sentAt, String to, String subject, String messageId,
      String key, String text, String html) {

    static ReceivedMail of(int index, MimeMessage message) {
      try {
        Date sent = message.getSentDate();
        Parts parts = new Parts();
        parts.collect(message.getContent());
        return new ReceivedMail(
            index,
            sent == null ? null : sent.toInstant(),
            message.getRecipients(Message.RecipientType.TO) == null ? ""
                : Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(Object::toString).collect(Collectors.joining(", ")),
            message.getSubject(),
            message.getMessageID(),
            message.getHeader(NoticeMailer.KEY_HEADER, null),
            parts.text,
            parts.html);
      } catch (MessagingException | IOException e) {
        throw new IllegalStateException("Cannot read received mail " + index, e);
      }
    }
  }

  private static final class Parts {
    private String text;
    private String html;

    void collect(Object content) throws MessagingException, IOException {
      if (content instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart part = multipart.getBodyPart(i);
          if (part.isMimeType("text/html") && html == null) {
            html = (String) part.getContent();
          } else if (part.isMimeType("text/plain") && text == null) {
            text = (String) part.getContent();
          } else {
            collect(part.getContent());
          }
        }
      } else if (content instanceof String body && text == null) {
        text = body;
      }
    }
  }
}
