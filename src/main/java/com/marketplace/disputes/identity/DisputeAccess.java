package com.marketplace.disputes.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Per-user authorizations that let the two parties of a dispute (or contact, or appeal) see their
 * own process instance and nothing else.
 *
 * <p>READ on the runtime instance lasts while it runs (the engine deletes it with the instance);
 * READ on the historic instance keeps the closed dispute visible to its parties (the engine runs
 * with {@code enableHistoricInstancePermissions}) and carries the root instance id so history
 * cleanup removes it together with the instance's history. Their tasks need nothing from here:
 * the engine grants an assignee READ and UPDATE on the task it is assigned.
 *
 * <p>Meant to be called from delegates and listeners, where the engine does not check
 * authorizations for custom code; called from a request thread it needs a caller allowed to
 * write authorizations.
 */
@Component
public class DisputeAccess {

  private final AuthorizationService authorizationService;
  private final RuntimeService runtimeService;

  public DisputeAccess(AuthorizationService authorizationService, RuntimeService runtimeService) {
    this.authorizationService = authorizationService;
    this.runtimeService = runtimeService;
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
    String rootProcessInstanceId = rootOf(processInstanceId);
    for (String userId : parties) {
      grant(userId, Resources.PROCESS_INSTANCE, processInstanceId, null,
          ProcessInstancePermissions.READ);
      grant(userId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, rootProcessInstanceId,
          HistoricProcessInstancePermissions.READ);
    }
  }

  private void grant(String userId, Resource resource, String resourceId,
      String rootProcessInstanceId, Permission permission) {
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
    if (rootProcessInstanceId != null) {
      ((AuthorizationEntity) authorization).setRootProcessInstanceId(rootProcessInstanceId);
    }
    authorizationService.saveAuthorization(authorization);
  }

  /**
   * The root instance, also for an instance started in the current, not yet flushed transaction:
   * inside a command (a delegate) the execution is looked up through the command context's cache.
   */
  private String rootOf(String processInstanceId) {
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext != null) {
      ExecutionEntity execution =
          commandContext.getExecutionManager().findExecutionById(processInstanceId);
      if (execution != null) {
        return execution.getRootProcessInstanceId();
      }
    }
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId(processInstanceId)
        .singleResult();
    if (instance == null) {
      throw new IllegalArgumentException("No running process instance " + processInstanceId);
    }
    return instance.getRootProcessInstanceId();
  }
}
