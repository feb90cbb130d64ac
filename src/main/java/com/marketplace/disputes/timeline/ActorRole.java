package com.marketplace.disputes.timeline;

import com.marketplace.disputes.kernel.Party;

/**
 * In which role someone did what a timeline entry records (column {@code actor_role}): one of the
 * two parties, or the platform's staff, or the service by itself.
 */
public enum ActorRole {
  BUYER, SELLER, PLATFORM, SYSTEM;

  /** The role a party acts in; null for none. */
  public static ActorRole of(Party party) {
    return party == null ? null : party == Party.BUYER ? BUYER : SELLER;
  }
}
