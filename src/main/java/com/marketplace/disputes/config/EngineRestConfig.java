package com.marketplace.disputes.config;

import com.marketplace.disputes.kernel.Causes;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as the starter configures it, plus one fix: the engine wraps an exception
 * thrown by a task listener in a plain ProcessEngineException, and the start resource wraps a
 * failed start in a RestException, so bad variables would answer 500. A rejected request (BadUserRequestException anywhere in the cause
 * chain) answers 400 with its own message; everything else keeps Camunda's mapping.
 */
@Component
public class EngineRestConfig extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(RejectedRequestMapper.class);
    register(RejectedStartMapper.class);
  }

  /** Runs before Camunda's own mapper for ProcessEngineException. */
  @Priority(1)
  public static class RejectedRequestMapper implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      BadUserRequestException rejected = Causes.find(exception, BadUserRequestException.class);
      return camunda.toResponse(rejected != null ? rejected : exception);
    }
  }

  /** Starting an instance wraps engine failures in a RestException with status 500. */
  @Priority(1)
  public static class RejectedStartMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();
    private final ProcessEngineExceptionHandler engine = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      BadUserRequestException rejected = Causes.find(exception, BadUserRequestException.class);
      return rejected != null ? engine.toResponse(rejected) : camunda.toResponse(exception);
    }
  }
}
