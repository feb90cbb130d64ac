package com.marketplace.disputes.dispute;

import com.marketplace.disputes.appeal.AppealProcess;
import com.marketplace.disputes.contact.SellerContactProcess;
import com.marketplace.disputes.refund.ReturnAndRefundProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Makes the models' expressions read the recorded facts, without touching the models: when the
 * engine parses one of the service's processes, every user task and every gateway that routes on
 * {@code resolution} or {@code refundAmount} gets a start listener that first writes those
 * variables from the rows ({@link DisputeFacts}). So {@code ${buyerId}}, {@code ${sellerId}} and
 * {@code ${evidenceParty}} assign a task to the recorded party, and a gateway carries out the
 * recorded outcome, whatever a variable was changed to in the meantime.
 */
@Component
public class RecordedFactsPlugin extends AbstractProcessEnginePlugin {

  static final Set<String> PROCESSES =
      Set.of(DisputeProcess.KEY, ReturnAndRefundProcess.KEY, SellerContactProcess.KEY,
          AppealProcess.KEY);
  /** A condition that reads the outcome variables. */
  private static final Pattern READS_OUTCOME = Pattern.compile("\\b(resolution|refundAmount)\\b");
  private static final String HOOKED = "recordedOutcomeHook";

  private final ExecutionListener beforeTask;
  private final ExecutionListener beforeRouting;

  public RecordedFactsPlugin(DisputeFacts facts) {
    this.beforeTask = execution -> {
      facts.writeParties(execution);
      if (DisputeProcess.PROVIDE_EVIDENCE.equals(execution.getCurrentActivityId())) {
        facts.writeEvidenceParty(execution);
      }
    };
    this.beforeRouting = facts::writeOutcome;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new Hook());
  }

  private final class Hook extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (ours(activity)) {
        activity.addListener(ExecutionListener.EVENTNAME_START, beforeTask);
      }
    }

    @Override
    public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
      Element condition = element.element("conditionExpression");
      ActivityImpl source = transition.getSource();
      if (condition == null || source == null || !ours(source)
          || !READS_OUTCOME.matcher(condition.getText()).find()
          || source.getProperty(HOOKED) != null) {
        return;
      }
      source.setProperty(HOOKED, Boolean.TRUE);
      source.addListener(ExecutionListener.EVENTNAME_START, beforeRouting);
    }

    private boolean ours(ActivityImpl activity) {
      return activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
          && PROCESSES.contains(definition.getKey());
    }
  }
}
