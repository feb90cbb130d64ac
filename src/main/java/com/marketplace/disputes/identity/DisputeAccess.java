package com.marketplace.disputes.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Per-user authorizations that let the two parties of a dispute (or contact, or appeal) see their
 * own process instance and nothing else.
 *
 * <p>READ on the runtime instance lasts while it runs (the engine deletes it with the instance);
 * READ on the historic instance keeps the closed dispute visible to its parties (the engine runs
 * with {@code enableHistoricInstancePermissions}). Which root instance that grant belongs to, so
 * that history cleanup removes it with the instance's history, the engine sets itself on saving
 * it, from the instance's stored history; a grant saved in the transaction that starts the
 * instance finds none yet and keeps no root. Their tasks need nothing from here: the engine
 * grants an assignee READ and UPDATE on the task it is assigned.
 *
 * <p>Meant to be called from delegates and listeners, where the engine does not check
 * authorizations for custom code; called from a request thread it needs a caller allowed to
 * write authorizations.
 */
@Component
public class DisputeAccess {

  private final AuthorizationService authorizationService;

  public DisputeAccess(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  /**
   * Lets buyer and seller read this process instance and its history. Null ids are skipped
   * (an ineligible dispute may have no seller). Repeating the call in a later transaction changes
   * nothing; call it once per instance and transaction.
   */
  public void grantParties(String processInstanceId, String buyerId, String sellerId) {
    Set<String> parties = new LinkedHashSet<>();
    if (buyerId != null && !buyerId.isBlank()) {
      parties.add(buyerId);
    }
    if (sellerId != null && !sellerId.isBlank()) {
      parties.add(sellerId);
    }
    if (parties.isEmpty()) {
      return;
    }
    for (String userId : parties) {
      grant(userId, Resources.PROCESS_INSTANCE, processInstanceId,
          ProcessInstancePermissions.READ);
      grant(userId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
          HistoricProcessInstancePermissions.READ);
    }
  }

  private void grant(String userId, Resource resource, String resourceId,
      Permission permission) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .userIdIn(userId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    if (existing != null && existing.isPermissionGranted(permission)) {
      return;
    }
    Authorization authorization = existing != null
        ? existing
        : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setUserId(userId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    authorizationService.saveAuthorization(authorization);
  }
}
