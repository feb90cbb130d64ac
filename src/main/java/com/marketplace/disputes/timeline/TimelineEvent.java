package com.marketplace.disputes.timeline;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry for a dispute's timeline: who did what, with an optional detail and the resolution
 * and amount it names. Built from {@link #by} or {@link #system} and completed with the methods
 * that return a changed copy.
 *
 * @param occurredAt when it happened; null for now (the application clock)
 * @param visibleTo the one party that sees the entry (a mediator's message to one side), or null
 *     when both parties see it; staff see every entry
 */
public record TimelineEvent(String disputeId, Instant occurredAt, String actor, ActorRole role,
    EventKind kind, String detail, String resolution, BigDecimal amount, ActorRole visibleTo) {

  /** The actor name of entries the service writes by itself. */
  public static final String SYSTEM_ACTOR = "system";

  /** {@code actor} in {@code role} did {@code kind}. */
  public static TimelineEvent by(String disputeId, String actor, ActorRole role, EventKind kind) {
    return new TimelineEvent(disputeId, null, actor, role, kind, null, null, null, null);
  }

  /** The service did {@code kind} by itself (a timer, a step of a process). */
  public static TimelineEvent system(String disputeId, EventKind kind) {
    return by(disputeId, SYSTEM_ACTOR, ActorRole.SYSTEM, kind);
  }

  public TimelineEvent detail(String text) {
    return new TimelineEvent(disputeId, occurredAt, actor, role, kind, text, resolution, amount,
        visibleTo);
  }

  /** The resolution and the amount the entry names (a claim, an offer, an outcome, a refund). */
  public TimelineEvent naming(String resolutionCode, BigDecimal money) {
    return new TimelineEvent(disputeId, occurredAt, actor, role, kind, detail, resolutionCode,
        money, visibleTo);
  }

  /** Happened before now, such as a message of the contact that led to the dispute. */
  public TimelineEvent at(Instant moment) {
    return new TimelineEvent(disputeId, moment, actor, role, kind, detail, resolution, amount,
        visibleTo);
  }

  /** Seen by this party (BUYER or SELLER) and staff only; null: by both parties. */
  public TimelineEvent onlyFor(ActorRole party) {
    if (party != null && party != ActorRole.BUYER && party != ActorRole.SELLER) {
      throw new IllegalArgumentException("An entry is kept from a party, not from " + party);
    }
    return new TimelineEvent(disputeId, occurredAt, actor, role, kind, detail, resolution, amount,
        party);
  }
}
