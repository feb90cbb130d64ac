package com.marketplace.disputes.kernel;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Engine calls the service makes for a caller it has already checked itself. */
@Component
public class EngineCalls {

  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final RuntimeService runtimeService;
  private final DecisionService decisionService;

  public EngineCalls(ProcessEngineConfiguration engineConfiguration,
      RuntimeService runtimeService, DecisionService decisionService) {
    this.engineConfiguration = (ProcessEngineConfigurationImpl) engineConfiguration;
    this.runtimeService = runtimeService;
    this.decisionService = decisionService;
  }

  /**
   * The single result of the latest decision table {@code key} for {@code inputs}, without the
   * caller's authorizations: the service chose the inputs from its records and checked who asks;
   * a party may not evaluate decisions through the engine API.
   */
  public Map<String, Object> evaluateDecisionAsService(String key, Map<String, Object> inputs) {
    List<Map<String, Object>> rows = evaluateDecisionRowsAsService(key, inputs);
    if (rows.size() != 1) {
      throw new IllegalStateException("Decision " + key + " answered " + rows.size()
          + " results, not one");
    }
    return rows.get(0);
  }

  /**
   * Every result of the latest decision table {@code key} for {@code inputs} (a table that
   * collects, one row per matching rule), as {@link #evaluateDecisionAsService} asks it.
   */
  public List<Map<String, Object>> evaluateDecisionRowsAsService(String key,
      Map<String, Object> inputs) {
    return engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      return decisionService.evaluateDecisionTableByKey(key).variables(inputs).evaluate()
          .getResultList();
    });
  }

  /**
   * Correlates {@code message} to the instance with {@code businessKey}, without the caller's
   * authorizations: the controller checked the party, and a party may read its instance but not
   * write to it through the engine API. A message that no longer applies throws
   * MismatchingMessageCorrelationException; a step that refuses the message's variables throws
   * its InvalidRequestException, unwrapped.
   */
  public void correlateAsService(String message, String businessKey,
      Map<String, Object> variables) {
    try {
      engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
        context.disableAuthorizationCheck();
        runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(businessKey)
            .setVariables(variables).correlate();
        return null;
      });
    } catch (MismatchingMessageCorrelationException e) {
      throw e;
    } catch (ProcessEngineException e) {
      InvalidRequestException rejected = Causes.find(e, InvalidRequestException.class);
      throw rejected != null ? rejected : e;
    }
  }
}
