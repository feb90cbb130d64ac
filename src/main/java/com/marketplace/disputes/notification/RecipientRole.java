package com.marketplace.disputes.notification;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Who a notice goes to, as the models name them in the {@code recipients} input parameter. */
public enum RecipientRole {
  BUYER,
  SELLER,
  /** The party asked for evidence: the user id in the variable {@code evidenceParty}. */
  EVIDENCE_PARTY,
  /** Every member of the group {@code senior-mediators}. */
  SENIOR_MEDIATORS,
  /** Whoever appealed: the variable {@code appellantId}. */
  APPELLANT,
  /** The party of the appealed dispute who did not appeal. */
  OTHER_PARTY;

  /** Parses a comma list such as {@code "BUYER, SELLER"}; an unknown name is a modelling error. */
  public static List<RecipientRole> parseList(String commaList) {
    Set<RecipientRole> roles = new LinkedHashSet<>();
    Arrays.stream(commaList.split(","))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .forEach(name -> roles.add(valueOf(name)));
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("recipients names no one: '" + commaList + "'");
    }
    return List.copyOf(roles);
  }
}
