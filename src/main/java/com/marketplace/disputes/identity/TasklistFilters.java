package com.marketplace.disputes.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every user works from: "My tasks" for everyone, the mediation queue for
 * mediators, the appeal queue for senior mediators. Without filters Tasklist shows no task at
 * all, so they exist in every profile; they hold no demo data. Found by name, so restarts update
 * them in place instead of adding copies.
 */
@Component
public class TasklistFilters {

  public static final String MY_TASKS = "My tasks";
  public static final String MEDIATION_QUEUE = "Mediation queue";
  public static final String APPEAL_QUEUE = "Appeal reviews";

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  public TasklistFilters(FilterService filterService, TaskService taskService,
      AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  public void ensureFilters() {
    Filter myTasks = ensureFilter(MY_TASKS, "Tasks assigned to me", -10,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensureGlobalRead(myTasks);

    Filter mediationQueue = ensureFilter(MEDIATION_QUEUE,
        "Escalated disputes waiting for a mediator, the most urgent first", -5,
        taskService.createTaskQuery()
            .taskCandidateGroup(PlatformGroups.MEDIATORS)
            .taskUnassigned()
            .orderByDueDate().asc());
    ensureGroupRead(mediationQueue, PlatformGroups.MEDIATORS);
    ensureGroupRead(mediationQueue, PlatformGroups.SENIOR_MEDIATORS);

    Filter appealQueue = ensureFilter(APPEAL_QUEUE,
        "Appeals waiting for a senior mediator, the most urgent first", -4,
        taskService.createTaskQuery()
            .taskCandidateGroup(PlatformGroups.SENIOR_MEDIATORS)
            .taskUnassigned()
            .orderByDueDate().asc());
    ensureGroupRead(appealQueue, PlatformGroups.SENIOR_MEDIATORS);
  }

  private Filter ensureFilter(String name, String description, int priority, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).list().stream()
        .findFirst()
        .orElseGet(filterService::newTaskFilter);
    filter.setName(name);
    filter.setQuery(query);
    filter.setProperties(properties(description, priority));
    return filterService.saveFilter(filter);
  }

  /** Tasklist reads "variables" as the columns shown on each task card. */
  private static Map<String, Object> properties(String description, int priority) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    List<Map<String, String>> variables = new ArrayList<>();
    variables.add(column("disputeId", "Dispute"));
    variables.add(column("orderId", "Order"));
    variables.add(column("orderAmount", "Order amount"));
    variables.add(column("reason", "Reason"));
    properties.put("variables", variables);
    return properties;
  }

  private static Map<String, String> column(String name, String label) {
    Map<String, String> column = new LinkedHashMap<>();
    column.put("name", name);
    column.put("label", label);
    return column;
  }

  private void ensureGlobalRead(Filter filter) {
    boolean present = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GLOBAL)
        .resourceType(Resources.FILTER)
        .resourceId(filter.getId())
        .count() > 0;
    if (!present) {
      Authorization read = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
      read.setResource(Resources.FILTER);
      read.setResourceId(filter.getId());
      read.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(read);
    }
  }

  private void ensureGroupRead(Filter filter, String groupId) {
    boolean present = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(Resources.FILTER)
        .resourceId(filter.getId())
        .count() > 0;
    if (!present) {
      Authorization read = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      read.setGroupId(groupId);
      read.setResource(Resources.FILTER);
      read.setResourceId(filter.getId());
      read.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(read);
    }
  }
}
