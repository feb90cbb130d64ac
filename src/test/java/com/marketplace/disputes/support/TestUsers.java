package com.marketplace.disputes.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Creates login users for integration tests (the test profile has no demo users). Idempotent:
 * an existing user gets the test password back and any missing membership, so test classes that
 * share one Spring context and one database may ask for the same user.
 */
public final class TestUsers {

  public static final String PASSWORD = "test-password";

  private final IdentityService identityService;

  public TestUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Ensures {@code userId} exists with {@link #PASSWORD} and is a member of every group given. */
  public String user(String userId, String... groupIds) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      user = identityService.newUser(userId);
      user.setFirstName(userId);
      user.setLastName("Test");
      user.setEmail(userId + "@example.com");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    } else if (!identityService.checkPassword(userId, PASSWORD)) {
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    }
    for (String groupId : groupIds) {
      if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
        throw new IllegalStateException("Group " + groupId + " does not exist; IdentitySetup runs at start-up");
      }
      if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
        identityService.createMembership(userId, groupId);
      }
    }
    return userId;
  }
}
