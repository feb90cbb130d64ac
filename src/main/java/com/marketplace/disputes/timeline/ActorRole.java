package com.marketplace.disputes.timeline;

/** In which role someone did what a timeline entry records (column {@code actor_role}). */
public enum ActorRole {
  BUYER, SELLER, PLATFORM, SYSTEM;

  /** The role named by a party code such as a contact message's author role; null for none. */
  public static ActorRole of(String name) {
    return name == null ? null : valueOf(name);
  }
}
