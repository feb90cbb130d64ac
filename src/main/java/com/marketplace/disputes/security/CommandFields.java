package com.marketplace.disputes.security;

import java.lang.reflect.Field;
import java.util.Map;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.query.Query;

/**
 * What an engine command carries, read before it runs.
 *
 * <p>The only reflection of the gate, kept here on purpose: Camunda's commands hold the task id,
 * the submitted variables and the builders in protected fields without getters, and the gate must
 * see them at the moment the caller hands the command to the engine, before anything is written.
 * The field names are those of Camunda 7.24; a renamed field fails loudly (IllegalStateException)
 * at the first such command rather than letting it through unread.
 */
final class CommandFields {

  private CommandFields() {
  }

  /** The task of a completion, a form submission, a claim or an assignment. */
  static String taskId(Object command) {
    return (String) read(command, "taskId");
  }

  /** The variables a task completion or task form submission writes. */
  static Map<String, Object> taskVariables(Object command) {
    if (command instanceof CompleteTaskCmd) {
      return cast(read(command, "variables"));
    }
    if (command instanceof SubmitTaskFormCmd) {
      return cast(read(command, "properties"));
    }
    throw new IllegalArgumentException(command.getClass().getName());
  }

  static String startFormDefinitionId(SubmitStartFormCmd command) {
    return (String) read(command, "processDefinitionId");
  }

  static Map<String, Object> startFormVariables(SubmitStartFormCmd command) {
    return cast(read(command, "variables"));
  }

  static ProcessInstantiationBuilderImpl instantiation(StartProcessInstanceCmd command) {
    return (ProcessInstantiationBuilderImpl) read(command, "instantiationBuilder");
  }

  static MessageCorrelationBuilderImpl correlation(AbstractCorrelateMessageCmd command) {
    return (MessageCorrelationBuilderImpl) read(command, "builder");
  }

  /** The user a claim or an assignment names; null unclaims. */
  static String userId(Object command) {
    if (command instanceof ClaimTaskCmd || command instanceof AssignTaskCmd) {
      return (String) read(command, "userId");
    }
    throw new IllegalArgumentException(command.getClass().getName());
  }

  /** The query a filter execution adds to the stored one (Tasklist's sorting, searching). */
  static Query<?, ?> extendingQuery(AbstractExecuteFilterCmd command) {
    return (Query<?, ?>) read(command, "extendingQuery");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object map) {
    return (Map<String, Object>) map;
  }

  private static Object read(Object target, String name) {
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
      } catch (NoSuchFieldException e) {
        // declared further up
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + name + " of " + target.getClass(), e);
      }
    }
    throw new IllegalStateException(target.getClass().getName() + " has no field " + name
        + ": the engine gate needs updating for this Camunda version");
  }
}
