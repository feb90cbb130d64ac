package com.marketplace.disputes.analytics;

import com.marketplace.disputes.dispute.DisputeProcess;
import com.marketplace.disputes.refund.ReturnAndRefundProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Hooks the dispute metrics into the deployed models without touching them or their delegates:
 * when the engine parses a model, the steps that open, escalate, decide, refund and close a
 * dispute get an extra execution listener ({@link DisputeMetricsListener}). A deployment that
 * renames one of these steps is caught by the metrics test, which drives the real processes.
 */
@Component
public class DisputeMetricsPlugin extends AbstractProcessEnginePlugin {

  /** Process key to the ids of the steps whose end (and, for a refund, start) is counted. */
  static final Map<String, Set<String>> COUNTED_STEPS = Map.of(
      DisputeProcess.KEY, Set.of(DisputeMetricsListener.OPEN_DISPUTE,
          DisputeMetricsListener.ESCALATE, DisputeMetricsListener.RECORD_DECISION,
          DisputeMetricsListener.CLOSE_DISPUTE),
      ReturnAndRefundProcess.KEY, Set.of(DisputeMetricsListener.ISSUE_REFUND));

  private final DisputeMetricsListener listener;

  public DisputeMetricsPlugin(DisputeMetricsListener listener) {
    this.listener = listener;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new StepHook());
  }

  private final class StepHook extends AbstractBpmnParseListener {

    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      hook(activity);
    }

    @Override
    public void parseSendTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      hook(activity);
    }

    @Override
    public void parseScriptTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      hook(activity);
    }

    @Override
    public void parseTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      hook(activity);
    }

    private void hook(ActivityImpl activity) {
      if (!(activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition)
          || !COUNTED_STEPS.getOrDefault(definition.getKey(), Set.of()).contains(activity.getId())) {
        return;
      }
      if (DisputeMetricsListener.ISSUE_REFUND.equals(activity.getId())) {
        activity.addListener(ExecutionListener.EVENTNAME_START, listener);
      }
      activity.addListener(ExecutionListener.EVENTNAME_END, listener);
    }
  }
}
