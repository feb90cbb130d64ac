package com.marketplace.disputes.demo;

import com.marketplace.disputes.config.StartupOrder;
import com.marketplace.disputes.identity.PlatformGroups;
import com.marketplace.disputes.identity.UserLanguage;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The contract's demo users, all with password {@code demo}, in the demo profile only. Existing
 * users are left as they are (a changed password survives restarts); missing memberships are
 * added.
 */
@Component
@Profile("demo")
public class DemoUsers {

  public static final String PASSWORD = "demo";

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  /** The demo user whose notices come in German. */
  static final String GERMAN_READER = "seller2";

  record DemoUser(String id, String firstName, String lastName, String groupId) {
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("buyer1", "Bea", "Buyer", PlatformGroups.BUYERS),
      new DemoUser("buyer2", "Ben", "Buyer", PlatformGroups.BUYERS),
      new DemoUser("seller1", "Sam", "Seller", PlatformGroups.SELLERS),
      new DemoUser("seller2", "Sue", "Seller", PlatformGroups.SELLERS),
      new DemoUser("mediator1", "Mia", "Mediator", PlatformGroups.MEDIATORS),
      new DemoUser("mediator2", "Max", "Mediator", PlatformGroups.MEDIATORS),
      new DemoUser("senior1", "Sid", "Senior", PlatformGroups.SENIOR_MEDIATORS),
      new DemoUser("analyst1", "Ana", "Analyst", PlatformGroups.ANALYSTS),
      new DemoUser("market", "Marketplace", "System", PlatformGroups.MARKETPLACE),
      new DemoUser("admin", "Ada", "Admin", PlatformGroups.CAMUNDA_ADMIN));

  private final IdentityService identityService;

  public DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  @EventListener(PostDeployEvent.class)
  @Order(StartupOrder.DEMO_USERS)
  public void onPostDeploy() {
    ensureDemoUsers();
  }

  public void ensureDemoUsers() {
    for (DemoUser demoUser : USERS) {
      if (identityService.createUserQuery().userId(demoUser.id()).count() == 0) {
        User user = identityService.newUser(demoUser.id());
        user.setFirstName(demoUser.firstName());
        user.setLastName(demoUser.lastName());
        user.setEmail(demoUser.id() + "@example.com");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
      }
      boolean member = identityService.createUserQuery()
          .userId(demoUser.id())
          .memberOfGroup(demoUser.groupId())
          .count() > 0;
      if (!member) {
        identityService.createMembership(demoUser.id(), demoUser.groupId());
      }
    }
    // One demo user reads German, so the demo shows notices in a second language.
    if (!"de".equals(identityService.getUserInfo(GERMAN_READER, UserLanguage.LOCALE_INFO_KEY))) {
      identityService.setUserInfo(GERMAN_READER, UserLanguage.LOCALE_INFO_KEY, "de");
    }
    log.info("Demo users in place: {}", USERS.stream().map(DemoUser::id).toList());
  }
}
