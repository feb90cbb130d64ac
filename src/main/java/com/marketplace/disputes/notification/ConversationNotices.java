package com.marketplace.disputes.notification;

import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import com.marketplace.disputes.kernel.AppClock;
import com.marketplace.disputes.kernel.Party;
import com.marketplace.disputes.notification.NoticeOutbox.Entry;
import com.marketplace.disputes.notification.NoticeOutbox.Untouched;
import com.marketplace.disputes.orders.Order;
import com.marketplace.disputes.orders.OrderRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells a party of a dispute by mail that the conversation has new messages for them, grouped:
 * a burst of messages is one mail, never lost and never twice.
 *
 * <p>The first new message writes the party's notice ({@link Notice#NEW_MESSAGES}) due after the
 * grouping delay; each further one, while no sender has tried or taken that notice, rewrites it
 * to list every message since the first, in the writer's transaction: a message that rolls back
 * leaves the notice as it was. The outbox's row is locked meanwhile, so no sender takes a notice
 * that is being rewritten, and a notice a sender has taken is never rewritten: the next message
 * starts a new one. Which messages a notice lists is kept in its occurrence, the id of the first.
 */
@Component
public class ConversationNotices {

  private static final Logger LOG = LoggerFactory.getLogger(ConversationNotices.class);

  /** The outbox needs a step for its rows; these come from the conversation, not a model. */
  static final String ACTIVITY = "Conversation";

  /** One message as a notice lists it: who wrote it, in which role, when, and the text. */
  public record Line(String author, String role, Instant postedAt, String text) {}

  private final RecipientResolver recipients;
  private final NoticeRenderer renderer;
  private final NoticeOutbox outbox;
  private final NoticeMailer mailer;
  private final NoticeProperties properties;
  private final OrderRepository orders;
  private final IdentityService identityService;
  private final ResourceBundleMessageSource words = new ResourceBundleMessageSource();

  ConversationNotices(RecipientResolver recipients, NoticeRenderer renderer, NoticeOutbox outbox,
      NoticeMailer mailer, NoticeProperties properties, OrderRepository orders,
      IdentityService identityService) {
    this.recipients = recipients;
    this.renderer = renderer;
    this.outbox = outbox;
    this.mailer = mailer;
    this.properties = properties;
    this.orders = orders;
    this.identityService = identityService;
    words.setBasename("i18n/notices");
    words.setDefaultEncoding("UTF-8");
    words.setFallbackToSystemLocale(false);
  }

  /**
   * Tells {@code party} of message {@code messageId}: rewrites their untouched notice, or writes
   * one due after {@code delay}. {@code newSince} gives the messages for the party from a
   * message id on, oldest first. Runs in the transaction that stores the message.
   */
  public void tell(DisputeRecord dispute, Party party, long messageId, Duration delay,
      LongFunction<List<Line>> newSince) {
    String userId = party.in(dispute.buyerId(), dispute.sellerId());
    Recipient recipient = recipient(userId,
        party == Party.BUYER ? RecipientRole.BUYER : RecipientRole.SELLER);
    Optional<Untouched> pending =
        outbox.untouched(dispute.disputeId(), Notice.NEW_MESSAGES, userId);
    if (pending.isPresent()) {
      long first = Long.parseLong(pending.get().occurrence());
      if (outbox.rewrite(pending.get().key(), render(dispute, recipient,
          newSince.apply(first)))) {
        return;
      }
    }
    String occurrence = Long.toString(messageId);
    String key = String.join(":",
        dispute.disputeId(), Notice.NEW_MESSAGES.name(), userId, occurrence);
    Entry entry = new Entry(key, dispute.disputeId(), dispute.disputeId(), Notice.NEW_MESSAGES,
        userId, recipient.role(), recipient.name(), recipient.email(),
        recipient.locale().toLanguageTag(), dispute.processInstanceId(), ACTIVITY, occurrence,
        mailer.messageIdFor(key));
    if (recipient.email() == null) {
      outbox.recordUndeliverable(entry, "no email address known for user " + userId);
      LOG.warn("Notice {} not sent: no email address known for user {}", key, userId);
      return;
    }
    outbox.record(entry, render(dispute, recipient, newSince.apply(messageId)),
        AppClock.now().plus(delay));
  }

  /**
   * The other party's address and language are the service's to read, not the writer's: the
   * identity service is asked without the writer's login.
   */
  private Recipient recipient(String userId, RecipientRole role) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return recipients.recipient(userId, role);
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  private RenderedNotice render(DisputeRecord dispute, Recipient recipient, List<Line> lines) {
    MessageSourceAccessor text = new MessageSourceAccessor(words, recipient.locale());
    NoticeFormat format = new NoticeFormat(recipient.locale(), properties.zone(), text);
    Map<Fact, Object> facts = new LinkedHashMap<>();
    facts.put(Fact.MESSAGE_COUNT, Integer.toString(lines.size()));
    facts.put(Fact.MESSAGES, lines.stream()
        .map(line -> text.getMessage("conversation.line", new Object[] {line.author(),
            text.getMessage("conversation.role." + line.role()),
            format.dateTime(line.postedAt())}) + "\n" + line.text())
        .collect(Collectors.joining("\n\n")));
    facts.put(Fact.CONVERSATION_LINK, properties.tasklistUrl());
    Optional<Order> order = orders.find(dispute.orderId());
    NoticeContext context = new NoticeContext(Notice.NEW_MESSAGES, dispute.disputeId(),
        dispute.disputeId(), dispute.processInstanceId(), dispute.orderId(),
        order.map(Order::title).orElse(null), dispute.orderAmount(), dispute.currency(),
        dispute.buyerId(), dispute.sellerId(), facts, null, null, null, AppClock.now());
    return renderer.render(context, recipient);
  }
}
