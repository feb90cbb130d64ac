package com.marketplace.disputes.kernel;

import com.marketplace.disputes.identity.PlatformGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is asking: the user authenticated for this engine call, if any. */
@Component
public class Requester {

  private final IdentityService identityService;

  public Requester(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The user id, or null inside the engine itself (job executor, in-process callers). */
  public String userId() {
    Authentication auth = identityService.getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }

  /** True for the system: no authenticated user, or the marketplace, or an administrator. */
  public boolean actsOnBehalf() {
    Authentication auth = identityService.getCurrentAuthentication();
    return auth == null || PlatformGroups.isActingForOthers(auth);
  }

  /**
   * Whom a request is for: the caller; or the user id {@code given} when the system, the
   * marketplace or an administrator acts on someone's behalf (then it is required). A caller who
   * names someone else is refused: people act only for themselves.
   */
  public String actingFor(Object given, String field, String what) {
    String named = Text.trimmed(given);
    if (actsOnBehalf()) {
      if (named == null) {
        throw InvalidRequestException.of(what, field, "is required when acting on someone's behalf");
      }
      return named;
    }
    String user = userId();
    if (named != null && !named.equals(user)) {
      throw InvalidRequestException.of(what, field, "must be your own user id");
    }
    return user;
  }

  /** True when the caller is one of the given parties (compared by user id). */
  public static boolean isParty(Authentication authentication, String... partyIds) {
    if (authentication == null || authentication.getUserId() == null) {
      return false;
    }
    for (String partyId : partyIds) {
      if (authentication.getUserId().equals(partyId)) {
        return true;
      }
    }
    return false;
  }

  /** Who may see a dispute, contact or appeal: one of its parties, or staff. */
  public static boolean isPartyOrStaff(Authentication authentication, String... partyIds) {
    return isParty(authentication, partyIds) || PlatformGroups.isStaff(authentication);
  }

  /** The name to record in a timeline: the user, or "system". */
  public String actorOr(String fallback) {
    String user = userId();
    return user != null ? user : fallback;
  }
}
