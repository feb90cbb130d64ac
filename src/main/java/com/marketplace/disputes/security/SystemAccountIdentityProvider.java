package com.marketplace.disputes.security;

import com.marketplace.disputes.identity.PlatformGroups;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's own identity store, except that members of {@code marketplace} are never locked.
 * The engine locks a user for a few seconds after each wrong password, and for good after
 * {@code loginMaxAttempts} (10) of them, until an administrator unlocks it: anyone who knows the
 * system account's name could stop the marketplace that way, from anywhere, without knowing its
 * password. Wrong passwords for it are throttled per source address instead
 * ({@link LoginThrottleFilter}), so guessing stays slow and a stranger locks out only themselves.
 * People keep the engine's lock, which an administrator can lift.
 */
public class SystemAccountIdentityProvider extends DbIdentityServiceProvider {

  @Override
  protected boolean isUserLocked(UserEntity user) {
    return !isSystemAccount(user) && super.isUserLocked(user);
  }

  @Override
  protected void lockUser(UserEntity user) {
    if (!isSystemAccount(user)) {
      super.lockUser(user);
    }
  }

  private boolean isSystemAccount(UserEntity user) {
    CommandContext commandContext = Context.getCommandContext();
    // Read without the caller's authorizations: a login has no caller yet, and a user checking
    // someone's password (/identity/verify) must not see a different lock for lack of READ.
    return commandContext.runWithoutAuthorization(() -> createGroupQuery(commandContext)
        .groupMember(user.getId())
        .groupId(PlatformGroups.MARKETPLACE)
        .count() > 0);
  }
}
