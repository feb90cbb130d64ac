package com.marketplace.disputes.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The contract's group ids and the questions code asks about a caller's groups. */
public final class PlatformGroups {

  public static final String BUYERS = "buyers";
  public static final String SELLERS = "sellers";
  public static final String MEDIATORS = "mediators";
  public static final String SENIOR_MEDIATORS = "senior-mediators";
  public static final String ANALYSTS = "analysts";
  public static final String MARKETPLACE = "marketplace";
  /** Camunda's own administrators group ({@code Groups.CAMUNDA_ADMIN}). */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  public static final List<String> ALL =
      List.of(BUYERS, SELLERS, MEDIATORS, SENIOR_MEDIATORS, ANALYSTS, MARKETPLACE, CAMUNDA_ADMIN);

  /** Everyone who is not a party: may look at any dispute and any order. */
  public static final Set<String> STAFF =
      Set.of(MEDIATORS, SENIOR_MEDIATORS, ANALYSTS, MARKETPLACE, CAMUNDA_ADMIN);

  /** The two sides of a dispute. */
  public static final Set<String> PARTIES = Set.of(BUYERS, SELLERS);

  /**
   * Who acts for someone else: the marketplace's system account and administrators start a
   * dispute or a contact for a buyer, who is then named in the request.
   */
  public static final Set<String> ACTING_FOR_OTHERS = Set.of(MARKETPLACE, CAMUNDA_ADMIN);

  /** Who works a queue of candidate tasks: mediators and senior mediators. */
  public static final List<String> QUEUE_WORKERS = List.of(MEDIATORS, SENIOR_MEDIATORS);

  /** Who reads the figures (dashboard, metrics): analysts and administrators. */
  public static final Set<String> FIGURE_READERS = Set.of(ANALYSTS, CAMUNDA_ADMIN);

  private PlatformGroups() {
  }

  public static boolean isMemberOfAny(Authentication authentication, Collection<String> groupIds) {
    if (authentication == null || authentication.getGroupIds() == null) {
      return false;
    }
    return authentication.getGroupIds().stream().anyMatch(groupIds::contains);
  }

  public static boolean isStaff(Authentication authentication) {
    return isMemberOfAny(authentication, STAFF);
  }

  public static boolean isActingForOthers(Authentication authentication) {
    return isMemberOfAny(authentication, ACTING_FOR_OTHERS);
  }
}
