package com.marketplace.disputes.kernel;

/** A party of a dispute, contact or appeal. On the wire and in variables: the name. */
public enum Party {
  BUYER, SELLER;

  /** The party {@code userId} is in a case of these two users; null for anyone else. */
  public static Party of(String userId, String buyerId, String sellerId) {
    return userId == null ? null : userId.equals(buyerId) ? BUYER
        : userId.equals(sellerId) ? SELLER : null;
  }

  /** The user id of this party in a case of these two users. */
  public String in(String buyerId, String sellerId) {
    return this == BUYER ? buyerId : sellerId;
  }
}
