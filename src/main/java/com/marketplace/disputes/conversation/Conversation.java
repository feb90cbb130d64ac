package com.marketplace.disputes.conversation;

import com.marketplace.disputes.conversation.DisputeMessages.DisputeMessage;
import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import com.marketplace.disputes.dispute.DisputeStatus;
import com.marketplace.disputes.dispute.DisputeVisibility;
import com.marketplace.disputes.evidence.EvidenceService;
import com.marketplace.disputes.identity.PlatformGroups;
import com.marketplace.disputes.kernel.ApiProblems.NotAllowed;
import com.marketplace.disputes.kernel.ApiProblems.NotVisible;
import com.marketplace.disputes.kernel.AppClock;
import com.marketplace.disputes.kernel.InvalidRequestException;
import com.marketplace.disputes.kernel.Party;
import com.marketplace.disputes.notification.ConversationNotices;
import com.marketplace.disputes.timeline.ActorRole;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversation inside a dispute: buyer and seller write to each other while it is open; once
 * the platform reviews it, mediators write to both or to one side, and the parties answer. Each
 * message is stored, put on the timeline, its files attached, and the other side told by mail,
 * all in one transaction.
 *
 * <p>The dispute's row is locked while a message is taken, so that the rate limit counts every
 * message of the author and the mail about a burst is written by one message at a time.
 */
@Service
public class Conversation {

  private final DisputeVisibility visibility;
  private final DisputeRecords disputes;
  private final DisputeMessages messages;
  private final EvidenceService evidence;
  private final Timeline timeline;
  private final ConversationNotices notices;
  private final ConversationProperties limits;

  public Conversation(DisputeVisibility visibility, DisputeRecords disputes,
      DisputeMessages messages, EvidenceService evidence, Timeline timeline,
      ConversationNotices notices, ConversationProperties limits) {
    this.visibility = visibility;
    this.disputes = disputes;
    this.messages = messages;
    this.evidence = evidence;
    this.timeline = timeline;
    this.notices = notices;
    this.limits = limits;
  }

  /**
   * Adds the caller's message to the dispute's conversation.
   *
   * @param to whom a mediator writes to; null for both (parties always write to both)
   * @param evidenceIds the caller's files of this dispute, or uploads staged for the message
   */
  @Transactional
  public DisputeMessage post(Authentication caller, String disputeId, String text, Audience to,
      List<Long> evidenceIds) {
    DisputeRecord seen = visibility.visibleTo(caller, disputeId);
    ActorRole role = writerRole(caller, seen);
    Audience audience = audience(role, to);
    checkText(text);
    DisputeRecord dispute = disputes.findForUpdate(disputeId)
        .orElseThrow(() -> new NotVisible("dispute", disputeId));
    checkOpen(dispute, role);
    String author = caller.getUserId();
    Instant now = AppClock.now();
    checkRate(disputeId, author, now);
    evidence.attachOwn(disputeId, evidenceIds, author);
    long messageId = messages.insert(disputeId, author, role.name(), audience, text, evidenceIds,
        now);
    timeline.record(TimelineEvent.by(disputeId, author, role, EventKind.MESSAGE).detail(text)
        .onlyFor(audience.onlyFor()).at(now));
    for (Party reader : audience.parties) {
      String readerId = reader.in(dispute.buyerId(), dispute.sellerId());
      if (!readerId.equals(author)) {
        notices.tell(dispute, reader, messageId, limits.mailDelay(),
            from -> messages.newFor(disputeId, reader, readerId, from));
      }
    }
    return messages.find(messageId).orElseThrow();
  }

  /** The parties write as themselves; mediators as the platform; other staff only read. */
  private static ActorRole writerRole(Authentication caller, DisputeRecord dispute) {
    Party party = Party.of(caller.getUserId(), dispute.buyerId(), dispute.sellerId());
    if (party != null) {
      return ActorRole.of(party);
    }
    if (PlatformGroups.isMemberOfAny(caller, PlatformGroups.QUEUE_WORKERS)) {
      return ActorRole.PLATFORM;
    }
    throw new NotAllowed("Only the buyer, the seller and the platform's mediators write in a"
        + " dispute's conversation; you can read it.");
  }

  private static Audience audience(ActorRole role, Audience to) {
    if (to == null || to == Audience.BOTH) {
      return Audience.BOTH;
    }
    if (role != ActorRole.PLATFORM) {
      throw InvalidRequestException.of("Cannot post the message", "to",
          "only a mediator writes to one side; buyer and seller write to both");
    }
    return to;
  }

  private void checkText(String text) {
    if (text == null || text.isBlank()) {
      throw InvalidRequestException.of("Cannot post the message", "message", "is required");
    }
    if (text.length() > limits.maxLength()) {
      throw InvalidRequestException.of("Cannot post the message", "message",
          "is " + text.length() + " characters long; the limit is " + limits.maxLength()
              + " (disputes.conversation.max-length)");
    }
  }

  private static void checkOpen(DisputeRecord dispute, ActorRole role) {
    if (dispute.closedAt() != null) {
      throw MessageRefused.conflict("Dispute " + dispute.disputeId() + " is closed; its"
          + " conversation can be read but takes no new messages. A party may appeal instead"
          + " while the appeal window is open.");
    }
    if (DisputeStatus.REQUESTED.name().equals(dispute.status())) {
      throw MessageRefused.conflict("Dispute " + dispute.disputeId()
          + " is not open yet; its conversation starts once it is.");
    }
    if (role == ActorRole.PLATFORM && dispute.escalatedAt() == null) {
      throw MessageRefused.conflict("The platform writes in dispute " + dispute.disputeId()
          + " once it reviews it; until then buyer and seller talk between themselves.");
    }
  }

  private void checkRate(String disputeId, String author, Instant now) {
    ConversationProperties.Rate rate = limits.rate();
    List<Instant> recent = messages.postedSince(disputeId, author, now.minus(rate.period()));
    if (recent.size() >= rate.messages()) {
      Instant freeAgain = recent.get(recent.size() - rate.messages()).plus(rate.period());
      Duration wait = Duration.between(now, freeAgain);
      throw MessageRefused.tooMany("You wrote " + recent.size() + " messages in this dispute"
          + " within " + rate.period() + "; the limit is " + rate.messages() + " per "
          + rate.period() + " (disputes.conversation.rate). Try again in "
          + Math.max(1, wait.toSeconds()) + " s.", wait);
    }
  }
}
