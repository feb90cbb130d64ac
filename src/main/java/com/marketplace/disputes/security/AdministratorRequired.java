package com.marketplace.disputes.security;

import com.marketplace.disputes.config.StartupOrder;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A start without an administrator is refused: the Admin webapp's first-user setup, which would
 * otherwise hand the first anonymous caller the group {@code camunda-admin}, is closed
 * ({@link FirstUserSetupFilter}), so nobody could ever administer such a service. Checked once
 * the engine is up, after the demo users (the demo profile creates {@code admin}), against the
 * database: {@code camunda.bpm.admin-user} (created by Camunda's starter when the engine is
 * built) or any existing member of {@code camunda-admin} counts.
 *
 * <p>{@code disputes.startup.require-admin: false} turns the check off; only the tests do, whose
 * contexts create the users they need.
 */
@Component
public class AdministratorRequired {

  public static final int ORDER = StartupOrder.DEMO_USERS + 1;

  private final IdentityService identityService;
  private final boolean required;

  public AdministratorRequired(IdentityService identityService,
      @Value("${disputes.startup.require-admin:true}") boolean required) {
    this.identityService = identityService;
    this.required = required;
  }

  @EventListener(PostDeployEvent.class)
  @Order(ORDER)
  public void onPostDeploy() {
    if (required) {
      check(identityService);
    }
  }

  public static void check(IdentityService identityService) {
    long administrators = identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN)
        .count();
    if (administrators == 0) {
      throw new UnsafeStartException(
          "No administrator: no user is a member of the group camunda-admin, and the Admin"
              + " webapp's first-user setup is closed.",
          "Set camunda.bpm.admin-user.id and camunda.bpm.admin-user.password (environment"
              + " CAMUNDA_BPM_ADMINUSER_ID, CAMUNDA_BPM_ADMINUSER_PASSWORD) to create the first"
              + " administrator, or start against a database where a user of camunda-admin"
              + " exists.");
    }
  }
}
