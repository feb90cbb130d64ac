package com.marketplace.disputes.conversation;

import com.marketplace.disputes.kernel.Party;
import com.marketplace.disputes.timeline.ActorRole;
import java.util.List;

/**
 * Whom a message of the conversation is for, besides staff, who read every message: both
 * parties, or one side only (a mediator's word to the buyer or to the seller).
 */
public enum Audience {
  BOTH(List.of(Party.BUYER, Party.SELLER)),
  BUYER(List.of(Party.BUYER)),
  SELLER(List.of(Party.SELLER));

  /** The parties who read it. */
  final List<Party> parties;

  Audience(List<Party> parties) {
    this.parties = parties;
  }

  /** The one party the timeline shows the message to, or null when both see it. */
  ActorRole onlyFor() {
    return this == BOTH ? null : ActorRole.of(parties.get(0));
  }
}
