package com.marketplace.disputes.config;

import com.marketplace.disputes.kernel.Causes;
import com.marketplace.disputes.kernel.InvalidRequestException;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * A task form our listeners refuse (bad fields, {@link InvalidRequestException}) answers 400 in
 * Tasklist too. The engine wraps a task listener's exception in a plain ProcessEngineException,
 * and the webapps' REST API, which Tasklist calls and which keeps Camunda's own exception
 * mapping, answers 400 to a task completion only for a form field validation failure: anything
 * else was a 500, with the listener's message buried in "Exception while invoking TaskListener".
 * Completing or submitting a task therefore turns a refusal into a
 * {@link FormFieldValidationException} that says what was wrong. The engine REST API already
 * answered 400 (EngineRestConfig) and still does.
 */
@Component
public class RefusedTaskForms extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new Interceptor());
  }

  /** Runs outside the transaction: what the refused command wrote is rolled back already. */
  static class Interceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        InvalidRequestException refused = Causes.find(e, InvalidRequestException.class);
        if (refused != null
            && (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)) {
          throw new FormFieldValidationException(refused.errorMaps(), refused.getMessage(),
              refused);
        }
        throw e;
      }
    }
  }
}
