package com.marketplace.disputes.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.marketplace.disputes.appeal.AppealProcess;
import com.marketplace.disputes.config.StartupOrder;
import com.marketplace.disputes.contact.SellerContactProcess;
import com.marketplace.disputes.dispute.DisputeProcess;
import com.marketplace.disputes.refund.ReturnAndRefundProcess;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the contract's groups and their group-level authorizations on every start, in every
 * profile.
 *
 * <p>Idempotent and converging: for each (group, resource, resource id) declared here the grant
 * ends up with exactly the declared permissions, so tightening a grant in code also tightens it
 * in an existing database. Grants an administrator adds for other resources are left alone.
 *
 * <p>Parties (buyers, sellers) get no group grant that reaches other people's instances, tasks
 * or variables: their own dispute comes from {@link DisputeAccess}, their own tasks from the
 * engine's default authorization provider (assignee: READ and UPDATE on that task). Mediators
 * work the queue through the engine's candidate-group grant on each task, so no group here may
 * complete tasks of a whole process definition.
 */
@Component
public class IdentitySetup {

  private static final String DISPUTE_MEDIATION = DisputeProcess.KEY;
  private static final String RETURN_AND_REFUND = ReturnAndRefundProcess.KEY;
  private static final String SELLER_CONTACT = SellerContactProcess.KEY;
  private static final String APPEAL_TICKET = AppealProcess.KEY;

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

  private static final Permission[] STAFF_READ_PROCESS = {
      ProcessDefinitionPermissions.READ,
      ProcessDefinitionPermissions.READ_INSTANCE,
      ProcessDefinitionPermissions.READ_HISTORY,
      ProcessDefinitionPermissions.READ_TASK};

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final TasklistFilters tasklistFilters;

  public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
      TasklistFilters tasklistFilters) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.tasklistFilters = tasklistFilters;
  }

  /** One grant to a group: the declared permissions on one resource (or {@code *}). */
  public record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
  }

  @EventListener(PostDeployEvent.class)
  @Order(StartupOrder.IDENTITY)
  public void onPostDeploy() {
    ensureGroupsAndGrants();
  }

  /** Creates what is missing and corrects what differs; safe to call any number of times. */
  public void ensureGroupsAndGrants() {
    PlatformGroups.ALL.forEach(this::ensureGroup);
    List<Grant> grants = grants();
    grants.forEach(this::ensureGrant);
    tasklistFilters.ensureFilters();
    log.info("Groups {} and {} group grants in place", PlatformGroups.ALL, grants.size());
  }

  /** Every group-level grant of the service; the report of what each group may do. */
  public static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();

    for (String group : List.of(PlatformGroups.BUYERS, PlatformGroups.SELLERS,
        PlatformGroups.MEDIATORS, PlatformGroups.SENIOR_MEDIATORS, PlatformGroups.ANALYSTS)) {
      grants.add(new Grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
    }
    for (String group : List.of(PlatformGroups.MEDIATORS, PlatformGroups.SENIOR_MEDIATORS,
        PlatformGroups.ANALYSTS)) {
      grants.add(new Grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    }

    // Buyers start disputes, seller contacts and appeals; READ on a definition shows its start
    // form and the model behind their own tasks (returnAndRefund holds ShipReturn). Nothing here
    // reaches an instance.
    grants.add(new Grant(PlatformGroups.BUYERS, Resources.PROCESS_INSTANCE, ANY,
        ProcessInstancePermissions.CREATE));
    for (String key : List.of(DISPUTE_MEDIATION, SELLER_CONTACT, APPEAL_TICKET)) {
      grants.add(new Grant(PlatformGroups.BUYERS, Resources.PROCESS_DEFINITION, key,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));
    }
    grants.add(new Grant(PlatformGroups.BUYERS, Resources.PROCESS_DEFINITION, RETURN_AND_REFUND,
        ProcessDefinitionPermissions.READ));

    // Sellers only answer, except that a seller may appeal a closed dispute.
    grants.add(new Grant(PlatformGroups.SELLERS, Resources.PROCESS_INSTANCE, ANY,
        ProcessInstancePermissions.CREATE));
    for (String key : List.of(DISPUTE_MEDIATION, RETURN_AND_REFUND, SELLER_CONTACT)) {
      grants.add(new Grant(PlatformGroups.SELLERS, Resources.PROCESS_DEFINITION, key,
          ProcessDefinitionPermissions.READ));
    }
    grants.add(new Grant(PlatformGroups.SELLERS, Resources.PROCESS_DEFINITION, APPEAL_TICKET,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));

    // Mediators see every dispute, its tasks and history; the queue's tasks themselves they work
    // through the engine's candidate-group grant, not through a definition-wide TASK_WORK that
    // would let them complete a buyer's or seller's task in the party's place.
    for (String key : List.of(DISPUTE_MEDIATION, RETURN_AND_REFUND, SELLER_CONTACT)) {
      grants.add(new Grant(PlatformGroups.MEDIATORS, Resources.PROCESS_DEFINITION, key,
          STAFF_READ_PROCESS));
    }
    for (String key : List.of(DISPUTE_MEDIATION, RETURN_AND_REFUND, SELLER_CONTACT, APPEAL_TICKET)) {
      grants.add(new Grant(PlatformGroups.SENIOR_MEDIATORS, Resources.PROCESS_DEFINITION, key,
          STAFF_READ_PROCESS));
    }

    // Analysts read everything and change nothing: no UPDATE, no TASK_WORK, no DELETE, no retry.
    grants.add(new Grant(PlatformGroups.ANALYSTS, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_HISTORY_VARIABLE));
    grants.add(new Grant(PlatformGroups.ANALYSTS, Resources.DECISION_DEFINITION, ANY,
        Permissions.READ, Permissions.READ_HISTORY));
    grants.add(new Grant(PlatformGroups.ANALYSTS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY,
        Permissions.READ));
    grants.add(new Grant(PlatformGroups.ANALYSTS, Resources.DEPLOYMENT, ANY, Permissions.READ));

    // The marketplace starts disputes and seller contacts on behalf of buyers and correlates the
    // contract's messages, which needs UPDATE_INSTANCE.
    grants.add(new Grant(PlatformGroups.MARKETPLACE, Resources.PROCESS_INSTANCE, ANY,
        ProcessInstancePermissions.CREATE));
    for (String key : List.of(DISPUTE_MEDIATION, SELLER_CONTACT)) {
      grants.add(new Grant(PlatformGroups.MARKETPLACE, Resources.PROCESS_DEFINITION, key,
          ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE,
          ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.UPDATE_INSTANCE));
    }

    // Camunda's Admin webapp expects its administrators to hold ALL on every resource type.
    for (Resources resource : Resources.values()) {
      grants.add(new Grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL));
    }
    return grants;
  }

  private void ensureGroup(String groupId) {
    if (identityService.createGroupQuery().groupId(groupId).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(groupId);
    group.setName(groupName(groupId));
    group.setType(groupId.equals(Groups.CAMUNDA_ADMIN) ? Groups.GROUP_TYPE_SYSTEM : "WORKFLOW");
    identityService.saveGroup(group);
  }

  private static String groupName(String groupId) {
    return switch (groupId) {
      case PlatformGroups.BUYERS -> "Buyers";
      case PlatformGroups.SELLERS -> "Sellers";
      case PlatformGroups.MEDIATORS -> "Mediators";
      case PlatformGroups.SENIOR_MEDIATORS -> "Senior mediators";
      case PlatformGroups.ANALYSTS -> "Analysts";
      case PlatformGroups.MARKETPLACE -> "Marketplace (system)";
      case Groups.CAMUNDA_ADMIN -> "Camunda administrators";
      default -> groupId;
    };
  }

  private void ensureGrant(Grant grant) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(grant.groupId())
        .resourceType(grant.resource())
        .resourceId(grant.resourceId())
        .singleResult();
    Authorization authorization = existing != null
        ? existing
        : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    int wanted = 0;
    for (Permission permission : grant.permissions()) {
      wanted |= permission.getValue();
    }
    if (existing != null && ((AuthorizationEntity) existing).getPermissions() == wanted) {
      return;
    }
    authorization.setGroupId(grant.groupId());
    authorization.setResource(grant.resource());
    authorization.setResourceId(grant.resourceId());
    ((AuthorizationEntity) authorization).setPermissions(wanted);
    authorizationService.saveAuthorization(authorization);
  }
}
