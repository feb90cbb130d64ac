package com.marketplace.disputes.security;

import com.marketplace.disputes.identity.PlatformGroups;
import com.marketplace.disputes.kernel.InvalidRequestException;
import com.marketplace.disputes.kernel.InvalidRequestException.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.AbstractNativeQuery;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One gate in front of the engine, for every way in: the engine REST API, the webapps' own API
 * (Tasklist, Cockpit) and Java callers. It looks at each command an authenticated user hands the
 * engine, before it runs, and refuses what the dispute policy has no use for.
 *
 * <p>Only top-level commands of an authenticated caller are judged. The service's own delegates
 * and listeners run inside a command (nested), and the job executor, start-up data and process
 * tests call the engine without an authentication: they are the service, not a caller.
 *
 * <ol>
 *   <li>Everyone, administrators included: no expression in any query ({@link QueryExpressions}).</li>
 *   <li>Everyone but administrators: reads pass (queries, filters, forms, variables, models,
 *       identity look-ups); of the writes only these, each answer checked against what the model
 *       declares for its step ({@link DeclaredAnswers}): starting a process without start
 *       instructions and submitting a start form; completing a task and submitting its form;
 *       for mediators and senior mediators, claiming a task of their group's queue and giving back
 *       one they hold; for the marketplace, correlating the contract's messages. Everything else
 *       (start instructions, modification, restart, migration, variable writes and removals,
 *       identity links, assignment, delegation, attachments, comments, external tasks, signals,
 *       jobs, incidents, suspension, deletion, deployment, definitions, filters, users) answers
 *       403. Which user may do which of these to which instance or task is still the
 *       authorization service's decision.</li>
 * </ol>
 *
 * <p>Refusals use Camunda's exception types, so that both REST APIs map them: an
 * {@link AuthorizationException} (403) for an operation the caller may not use at all, an
 * {@link InvalidRequestException} (a BadUserRequestException, 400) naming each field of an answer
 * that carries something else; for task completions and form submissions it is wrapped in the
 * FormFieldValidationException the webapps' API answers 400 to.
 */
@Component
public class EngineGate extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(EngineGate.class);

  /** Commands of the engine itself; the service's own commands (our lambdas) are not judged. */
  private static final String ENGINE_PACKAGE = "org.camunda.bpm.engine.";

  /** Reads that do not follow the engine's naming (Get…Cmd, queries, filter executions). */
  private static final Set<String> OTHER_READS = Set.of(
      "AuthorizationCheckCmd", "CheckPassword", "FindActiveActivityIdsCmd",
      "IsIdentityServiceReadOnlyCmd", "IsTelemetryEnabledCmd",
      "CreateUserQueryCmd", "CreateGroupQueryCmd", "CreateTenantQueryCmd");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new Gate(configuration));
  }

  static class Gate extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl engine;
    private final Map<String, Definition> definitions = new ConcurrentHashMap<>();

    Gate(ProcessEngineConfigurationImpl engine) {
      this.engine = engine;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (Context.getCommandContext() != null) {
        return next.execute(command);
      }
      Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
      if (authentication == null || authentication.getUserId() == null) {
        return next.execute(command);
      }
      QueryExpressions.refuseIn(command);
      Caller caller = Caller.of(authentication);
      if (caller.admin() || !command.getClass().getName().startsWith(ENGINE_PACKAGE)) {
        return next.execute(command);
      }
      return next.execute(judge(command, caller));
    }

    /** The command to run for a caller who is not an administrator; throws when refused. */
    @SuppressWarnings("unchecked")
    private <T> Command<T> judge(Command<T> command, Caller caller) {
      if (isRead(command)) {
        return command;
      }
      if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
        checkTaskAnswers(CommandFields.taskId(command), CommandFields.taskVariables(command),
            caller);
        return command;
      }
      if (command instanceof StartProcessInstanceCmd start) {
        ProcessInstantiationBuilderImpl builder = CommandFields.instantiation(start);
        String definitionId = builder.getProcessDefinitionId() != null
            ? builder.getProcessDefinitionId()
            : latestDefinitionId(builder.getProcessDefinitionKey(),
                builder.getProcessDefinitionTenantId());
        checkStartAnswers(definitionId, builder.getVariables(), caller, false);
        return command;
      }
      if (command instanceof SubmitStartFormCmd form) {
        checkStartAnswers(CommandFields.startFormDefinitionId(form),
            CommandFields.startFormVariables(form), caller, true);
        return command;
      }
      if (command instanceof ClaimTaskCmd && caller.worksAQueue()) {
        String userId = CommandFields.userId(command);
        TaskFacts task = task(CommandFields.taskId(command));
        if (task != null && caller.userId().equals(userId) && task.inQueueOf(caller)) {
          return command;
        }
      }
      if (command instanceof AssignTaskCmd && caller.worksAQueue()
          && CommandFields.userId(command) == null) {
        // Giving back a task one holds. The REST API's unclaim is an assignment to nobody, which
        // needs TASK_ASSIGN; claiming to nobody is the same change under TASK_WORK, the
        // permission the queue's members hold on its tasks.
        String taskId = CommandFields.taskId(command);
        TaskFacts task = task(taskId);
        if (task != null && caller.userId().equals(task.assignee()) && task.inQueueOf(caller)) {
          return (Command<T>) new ClaimTaskCmd(taskId, null);
        }
      }
      if ((command instanceof CorrelateMessageCmd || command instanceof CorrelateAllMessageCmd)
          && caller.memberOf(PlatformGroups.MARKETPLACE)) {
        checkMessage(CommandFields.correlation((AbstractCorrelateMessageCmd) command), caller);
        return command;
      }
      String operation = command.getClass().getSimpleName().replaceFirst("Cmd$", "");
      log.info("Refused {} to {}: not an engine operation the dispute policy gives them",
          operation, caller.userId());
      throw new AuthorizationException("The dispute service does not let " + caller.userId()
          + " use " + operation + " through the engine API");
    }

    /**
     * Queries, reports, filter executions and the engine's Get…Cmd commands only read, under the
     * caller's authorizations. Native queries (SQL from the caller) are not reads of this kind.
     */
    private static boolean isRead(Command<?> command) {
      String name = command.getClass().getSimpleName();
      if (command instanceof AbstractNativeQuery<?, ?>) {
        return false;
      }
      return command instanceof AbstractQuery<?, ?>
          || command instanceof AbstractExecuteFilterCmd
          || name.startsWith("Get") && name.endsWith("Cmd")
          || name.endsWith("QueryImpl") || name.endsWith("ReportImpl")
          || OTHER_READS.contains(name);
    }

    private void checkTaskAnswers(String taskId, Map<String, Object> variables, Caller caller) {
      if (variables == null || variables.isEmpty()) {
        return;
      }
      TaskFacts task = task(taskId);
      if (task == null) {
        return; // the engine answers that the task does not exist
      }
      DeclaredAnswers.Answers declared = task.processDefinitionId() == null
          ? DeclaredAnswers.Answers.NONE
          : definition(task.processDefinitionId()).answers().task(task.key());
      refuseIfAny("Cannot complete " + declared.element(), declared.check(variables, caller),
          true);
    }

    private void checkStartAnswers(String definitionId, Map<String, Object> variables,
        Caller caller, boolean form) {
      if (definitionId == null || variables == null || variables.isEmpty()) {
        return;
      }
      Definition definition = definition(definitionId);
      refuseIfAny("Cannot start " + definition.key(),
          definition.answers().start(definition.key()).check(variables, caller), form);
    }

    private void checkMessage(MessageCorrelationBuilderImpl correlation, Caller caller) {
      Map<String, Object> variables = new LinkedHashMap<>();
      for (Map<String, Object> payload : List.of(
          nonNull(correlation.getPayloadProcessInstanceVariables()),
          nonNull(correlation.getPayloadProcessInstanceVariablesLocal()),
          nonNull(correlation.getPayloadProcessInstanceVariablesToTriggeredScope()))) {
        payload.keySet().forEach(name -> variables.put(name, DeclaredAnswers.value(payload, name)));
      }
      if (variables.isEmpty()) {
        return;
      }
      String message = correlation.getMessageName();
      Set<String> accepted = messageVariables(message);
      List<FieldError> errors = new ArrayList<>();
      variables.forEach((name, value) -> {
        String bad = accepted.contains(name) ? DeclaredAnswers.badValue(value, "string")
            : "is not a variable of the message " + message;
        if (bad != null) {
          errors.add(new FieldError(name, bad));
        }
      });
      refuseIfAny("Cannot correlate " + message, errors, false);
    }

    private static void refuseIfAny(String what, List<FieldError> errors, boolean form) {
      if (errors.isEmpty()) {
        return;
      }
      InvalidRequestException refused = new InvalidRequestException(what, errors);
      log.info("Refused: {}", refused.getMessage());
      if (form) {
        // The webapps' API answers 400 to a task completion or form submission only for a form
        // field validation failure (see config.RefusedTaskForms); the engine REST API as well.
        throw new FormFieldValidationException(refused.errorMaps(), refused.getMessage(), refused);
      }
      throw refused;
    }

    private static Map<String, Object> nonNull(Map<String, Object> map) {
      return map == null ? Map.of() : map;
    }

    /** The model's declarations of a definition, read once per definition id. */
    private Definition definition(String definitionId) {
      Definition known = definitions.get(definitionId);
      if (known != null) {
        return known;
      }
      Definition read = asService(context -> {
        ProcessDefinition definition = engine.getRepositoryService()
            .getProcessDefinition(definitionId);
        return new Definition(definition.getKey(), DeclaredAnswers.of(
            engine.getRepositoryService().getBpmnModelInstance(definitionId)));
      });
      definitions.put(definitionId, read);
      return read;
    }

    private String latestDefinitionId(String key, String tenantId) {
      if (key == null) {
        return null;
      }
      return asService(context -> {
        ProcessDefinitionQuery query = engine.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey(key).latestVersion();
        ProcessDefinition latest = (tenantId != null ? query.tenantIdIn(tenantId)
            : query.withoutTenantId()).singleResult();
        return latest == null ? null : latest.getId();
      });
    }

    /** What every deployed model lets {@code message} carry. */
    private Set<String> messageVariables(String message) {
      List<String> ids = asService(context -> engine.getRepositoryService()
          .createProcessDefinitionQuery().listPage(0, 1000).stream()
          .map(ProcessDefinition::getId).toList());
      Set<String> accepted = new HashSet<>();
      for (String id : ids) {
        accepted.addAll(definition(id).answers().messageVariables(message));
      }
      return accepted;
    }

    private TaskFacts task(String taskId) {
      if (taskId == null) {
        return null;
      }
      return asService(context -> {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null) {
          return null;
        }
        Set<String> groups = new HashSet<>();
        task.getIdentityLinks().stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                && link.getGroupId() != null)
            .forEach(link -> groups.add(link.getGroupId()));
        return new TaskFacts(task.getTaskDefinitionKey(), task.getProcessDefinitionId(),
            task.getAssignee(), groups);
      });
    }

    /**
     * Looks something up as the service: a command of its own (not judged, being ours), without
     * the caller's authorizations, which may not reach the model or the task being judged.
     */
    private <R> R asService(Command<R> lookup) {
      return engine.getCommandExecutorTxRequired().execute(context -> {
        context.disableAuthorizationCheck();
        try {
          return lookup.execute(context);
        } finally {
          context.enableAuthorizationCheck();
        }
      });
    }
  }

  record Definition(String key, DeclaredAnswers answers) {
  }

  record TaskFacts(String key, String processDefinitionId, String assignee,
      Set<String> candidateGroups) {

    boolean inQueueOf(Caller caller) {
      return candidateGroups.stream().anyMatch(caller::memberOf);
    }
  }
}
