package com.marketplace.disputes.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.marketplace.disputes.appeal.AppealProcess;
import com.marketplace.disputes.dispute.DisputeProcess;
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
 * The Tasklist filters each role works from, shown to the groups named here only. Without
 * filters Tasklist shows no task at all, so they exist in every profile; they hold no demo data.
 * Found by name, so restarts update them in place; filters of earlier releases are removed.
 *
 * <p>A filter only chooses and sorts tasks: what a user sees of them is still what the engine
 * authorizes. "Evidence requested" shows a buyer the requests addressed to them and a mediator
 * every open request. Every card shows the task's due date (the step's deadline; Tasklist paints
 * it red once passed) and the variable columns below.
 */
@Component
public class TasklistFilters {

  public static final String MY_DISPUTES = "My disputes";
  public static final String EVIDENCE_REQUESTED = "Evidence requested";
  public static final String MEDIATION_QUEUE = "Mediation queue";
  public static final String OVERDUE_DECISIONS = "Overdue decisions";
  public static final String CLAIMED_BY_ME = "Claimed by me";
  public static final String APPEALS = "Appeals";

  /** Names of earlier releases' filters, replaced by the ones above. */
  static final List<String> RETIRED = List.of("My tasks", "Appeal reviews");

  private static final String RED = "#c9302c";

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  public TasklistFilters(FilterService filterService, TaskService taskService,
      AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  /** A filter: its query, its place in the list, its look and who sees it. */
  record FilterSpec(String name, String description, int priority, String color,
      TaskQuery query, List<Map<String, String>> columns, List<String> groups) {
  }

  public void ensureFilters() {
    RETIRED.forEach(name -> filterService.createFilterQuery().filterName(name).list()
        .forEach(filter -> filterService.deleteFilter(filter.getId())));
    specs().forEach(this::ensure);
  }

  List<FilterSpec> specs() {
    List<FilterSpec> specs = new ArrayList<>();
    specs.add(new FilterSpec(MY_DISPUTES,
        "Your disputes waiting for you, the nearest deadline first", -10, null,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")
            .orderByDueDate().asc(),
        disputeColumns(), List.of(PlatformGroups.BUYERS, PlatformGroups.SELLERS)));
    specs.add(new FilterSpec(EVIDENCE_REQUESTED,
        "Evidence a mediator asked for and is waiting for, the nearest deadline first", -8, null,
        taskService.createTaskQuery().taskDefinitionKey(DisputeProcess.PROVIDE_EVIDENCE).orderByDueDate().asc(),
        disputeColumns(), List.of(PlatformGroups.BUYERS, PlatformGroups.SELLERS,
            PlatformGroups.MEDIATORS, PlatformGroups.SENIOR_MEDIATORS)));
    specs.add(new FilterSpec(MEDIATION_QUEUE,
        "Escalated disputes no mediator has claimed yet, the oldest deadline first", -6, null,
        taskService.createTaskQuery().taskCandidateGroup(PlatformGroups.MEDIATORS)
            .taskUnassigned().orderByDueDate().asc(),
        disputeColumns(), PlatformGroups.QUEUE_WORKERS));
    specs.add(new FilterSpec(OVERDUE_DECISIONS,
        "Disputes past the mediation service level, claimed or not", -5, RED,
        taskService.createTaskQuery().taskCandidateGroup(PlatformGroups.MEDIATORS)
            .includeAssignedTasks().taskDefinitionKey(DisputeProcess.DECIDE_DISPUTE)
            .dueBeforeExpression("${now()}").orderByDueDate().asc(),
        disputeColumns(), PlatformGroups.QUEUE_WORKERS));
    specs.add(new FilterSpec(CLAIMED_BY_ME,
        "Tasks you claimed from a queue, the nearest deadline first", -4, null,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")
            .orderByDueDate().asc(),
        disputeColumns(), PlatformGroups.QUEUE_WORKERS));
    List<Map<String, String>> appealColumns = new ArrayList<>();
    appealColumns.add(column(DisputeProcess.DISPUTE_ID, "Dispute"));
    appealColumns.add(column(AppealProcess.APPELLANT_ID, "Appellant"));
    appealColumns.addAll(disputeColumns().subList(1, 4));
    specs.add(new FilterSpec(APPEALS,
        "Appeals no senior mediator has claimed yet, the oldest deadline first", -3, null,
        taskService.createTaskQuery().taskCandidateGroup(PlatformGroups.SENIOR_MEDIATORS)
            .taskUnassigned().orderByDueDate().asc(),
        appealColumns, List.of(PlatformGroups.SENIOR_MEDIATORS)));
    return specs;
  }

  /** Dispute id, order, amount and reason on every card; the deadline is the card's due date. */
  private static List<Map<String, String>> disputeColumns() {
    return List.of(column(DisputeProcess.DISPUTE_ID, "Dispute"), column(DisputeProcess.ORDER_ID, "Order"),
        column(DisputeProcess.ORDER_AMOUNT, "Amount"), column(DisputeProcess.REASON, "Reason"));
  }

  private void ensure(FilterSpec spec) {
    Filter filter = filterService.createFilterQuery().filterName(spec.name()).list().stream()
        .findFirst()
        .orElseGet(filterService::newTaskFilter);
    filter.setName(spec.name());
    filter.setQuery(spec.query());
    filter.setProperties(properties(spec));
    Filter saved = filterService.saveFilter(filter);
    spec.groups().forEach(group -> ensureGroupRead(saved, group));
  }

  /** The properties Tasklist reads: description, order in the list, colour, columns. */
  private static Map<String, Object> properties(FilterSpec spec) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", spec.description());
    properties.put("priority", spec.priority());
    if (spec.color() != null) {
      properties.put("color", spec.color());
    }
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", spec.columns());
    return properties;
  }

  private static Map<String, String> column(String name, String label) {
    Map<String, String> column = new LinkedHashMap<>();
    column.put("name", name);
    column.put("label", label);
    return column;
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
