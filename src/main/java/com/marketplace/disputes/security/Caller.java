package com.marketplace.disputes.security;

import com.marketplace.disputes.identity.PlatformGroups;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The authenticated user a command runs for, with their groups. */
record Caller(String userId, Set<String> groups) {

  static Caller of(Authentication authentication) {
    List<String> groupIds = authentication.getGroupIds();
    return new Caller(authentication.getUserId(),
        groupIds == null ? Set.of() : Set.copyOf(groupIds));
  }

  boolean memberOf(String group) {
    return groups.contains(group);
  }

  boolean admin() {
    return memberOf(PlatformGroups.CAMUNDA_ADMIN);
  }

  /** Mediators and senior mediators: they take tasks from their group's queue. */
  boolean worksAQueue() {
    return PlatformGroups.QUEUE_WORKERS.stream().anyMatch(this::memberOf);
  }
}
