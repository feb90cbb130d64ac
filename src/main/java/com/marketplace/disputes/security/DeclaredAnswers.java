package com.marketplace.disputes.security;

import com.marketplace.disputes.kernel.InvalidRequestException.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * What a process model says a person may submit, read from the model itself.
 *
 * <ul>
 *   <li>A user task, and the process's start event, accept the fields of their
 *       {@code camunda:formData} ({@code camunda:formField} id and type). An element without
 *       form data accepts nothing.</li>
 *   <li>{@code camunda:property name="acceptsFrom.GROUP"} on such an element lists the variables
 *       members of that group may pass besides (the marketplace names the buyer it acts for).</li>
 *   <li>{@code camunda:property name="acceptsVariables"} on an event that catches a message lists
 *       the variables that message may carry.</li>
 * </ul>
 */
final class DeclaredAnswers {

  static final String ACCEPTS_FROM = "acceptsFrom.";
  static final String ACCEPTS_VARIABLES = "acceptsVariables";

  /** The value types an answer may have: nothing the engine would build an object from. */
  private static final Set<String> SIMPLE_TYPES =
      Set.of("null", "string", "boolean", "short", "integer", "long", "double", "date");

  private final Map<String, Answers> startAndTasks;
  private final Map<String, Set<String>> messages;

  private DeclaredAnswers(Map<String, Answers> startAndTasks, Map<String, Set<String>> messages) {
    this.startAndTasks = startAndTasks;
    this.messages = messages;
  }

  /** The answers one element accepts: its form fields (id to type) and each group's extras. */
  record Answers(String element, Map<String, String> fields, Map<String, Set<String>> fromGroups) {

    static final Answers NONE = new Answers("this step", Map.of(), Map.of());

    /** Every variable that is not an answer here, or not a simple value of the declared type. */
    List<FieldError> check(Map<String, ?> variables, Caller caller) {
      List<FieldError> errors = new ArrayList<>();
      for (String name : new TreeSet<>(variables.keySet())) {
        String type = fields.get(name);
        if (type == null && fromGroups.entrySet().stream()
            .anyMatch(e -> caller.memberOf(e.getKey()) && e.getValue().contains(name))) {
          type = "string";
        }
        if (type == null) {
          errors.add(new FieldError(name, "is not an answer of " + element));
          continue;
        }
        String bad = badValue(value(variables, name), type);
        if (bad != null) {
          errors.add(new FieldError(name, bad));
        }
      }
      return errors;
    }
  }

  static DeclaredAnswers of(BpmnModelInstance model) {
    Map<String, Answers> startAndTasks = new HashMap<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
        if (start.getEventDefinitions().isEmpty()) {
          startAndTasks.put(process.getId(), answers(start));
        }
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      startAndTasks.put(task.getId(), answers(task));
    }
    Map<String, Set<String>> messages = new HashMap<>();
    for (CatchEvent event : model.getModelElementsByType(CatchEvent.class)) {
      event.getEventDefinitions().stream()
          .filter(MessageEventDefinition.class::isInstance)
          .map(definition -> ((MessageEventDefinition) definition).getMessage())
          .filter(message -> message != null && message.getName() != null)
          .forEach(message -> messages.computeIfAbsent(message.getName(), k -> new HashSet<>())
              .addAll(list(property(event, ACCEPTS_VARIABLES))));
    }
    for (ReceiveTask task : model.getModelElementsByType(ReceiveTask.class)) {
      if (task.getMessage() != null && task.getMessage().getName() != null) {
        messages.computeIfAbsent(task.getMessage().getName(), k -> new HashSet<>())
            .addAll(list(property(task, ACCEPTS_VARIABLES)));
      }
    }
    return new DeclaredAnswers(startAndTasks, messages);
  }

  /** The answers of the process's start form (by process id, the key of its definition). */
  Answers start(String processKey) {
    return startAndTasks.getOrDefault(processKey, Answers.NONE);
  }

  Answers task(String taskDefinitionKey) {
    return startAndTasks.getOrDefault(taskDefinitionKey, Answers.NONE);
  }

  /** The variables that {@code messageName} may carry into this model; empty if it is not caught. */
  Set<String> messageVariables(String messageName) {
    return messages.getOrDefault(messageName, Set.of());
  }

  /** Why a value is not a simple value of {@code type}, or null when it is one. */
  static String badValue(Object raw, String type) {
    Object value = raw;
    if (raw instanceof TypedValue typed) {
      if (typed.getType() != null && !SIMPLE_TYPES.contains(typed.getType().getName())) {
        return "must be a simple value (text, true or false, a number or a date), not "
            + typed.getType().getName();
      }
      value = typed.getValue();
    }
    if (value != null && !(value instanceof String || value instanceof Boolean
        || value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Double || value instanceof Date)) {
      return "must be a simple value (text, true or false, a number or a date), not "
          + value.getClass().getName();
    }
    if ("boolean".equals(type) && value != null && !(value instanceof Boolean)
        && !"true".equals(value) && !"false".equals(value)) {
      return "must be true or false";
    }
    return null;
  }

  /** The value as the engine would store it: typed where the caller typed it. */
  static Object value(Map<String, ?> variables, String name) {
    return variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
  }

  private static Answers answers(FlowElement element) {
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, Set<String>> fromGroups = new HashMap<>();
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions != null) {
      for (CamundaFormData data : extensions.getElementsQuery()
          .filterByType(CamundaFormData.class).list()) {
        for (CamundaFormField field : data.getCamundaFormFields()) {
          fields.put(field.getCamundaId(), field.getCamundaType());
        }
      }
      for (CamundaProperty property : properties(element)) {
        String name = property.getCamundaName();
        if (name != null && name.startsWith(ACCEPTS_FROM)) {
          fromGroups.put(name.substring(ACCEPTS_FROM.length()), Set.copyOf(
              list(property.getCamundaValue())));
        }
      }
    }
    String name = element.getName() != null ? element.getName() : element.getId();
    return new Answers(name, Map.copyOf(fields), Map.copyOf(fromGroups));
  }

  private static String property(BaseElement element, String name) {
    return properties(element).stream().filter(p -> name.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
  }

  private static Collection<CamundaProperty> properties(BaseElement element) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return List.of();
    }
    List<CamundaProperty> all = new ArrayList<>();
    extensions.getElementsQuery().filterByType(CamundaProperties.class).list()
        .forEach(properties -> all.addAll(properties.getCamundaProperties()));
    return all;
  }

  private static List<String> list(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .toList();
  }
}
