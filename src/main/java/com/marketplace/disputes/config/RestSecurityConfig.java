package com.marketplace.disputes.config;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * HTTP basic login, checked against Camunda's identity service, for the engine REST API, our own
 * API and the actuator. The Camunda webapps keep their own session login and are not touched;
 * our own API also accepts that session (the Tasklist forms call it from the browser), with the
 * webapps' CSRF token on writes.
 *
 * <p>The engine filter sets {@code identityService.setAuthentication(user, groups)} for the
 * request, so the engine checks authorizations for every service call the request makes, also
 * from our controllers, which read the caller from
 * {@code identityService.getCurrentAuthentication()}.
 */
@Configuration(proxyBeanMethods = false)
public class RestSecurityConfig {

  /**
   * Where the filters that read the caller run: after Spring's character encoding filter and after
   * Spring Session's filter, which (profile postgres, shared web sessions) puts the session kept
   * in the database in place of the servlet container's. Before it, a webapp login made on
   * another node, or on this one, is not seen and the Tasklist forms' calls answer 401.
   */
  public static final int CALLER_FILTERS_ORDER = SessionRepositoryFilter.DEFAULT_ORDER + 10;

  static final String ENGINE_REST_PATH = "/engine-rest/*";
  static final String API_PATH = "/api/*";

  @Bean
  FilterRegistrationBean<Filter> engineAuthenticationFilter() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-auth");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(ENGINE_REST_PATH);
    registration.setAsyncSupported(true);
    registration.setOrder(CALLER_FILTERS_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> apiAuthenticationFilter() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("api-auth");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        BasicOrWebappSessionAuthenticationProvider.class.getName());
    registration.addUrlPatterns(API_PATH);
    registration.setAsyncSupported(true);
    registration.setOrder(CALLER_FILTERS_ORDER);
    return registration;
  }

  /** Before the login: a forged write is refused before anything runs for it. */
  @Bean
  FilterRegistrationBean<Filter> apiCsrfFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ApiCsrfFilter());
    registration.setName("api-csrf");
    registration.addUrlPatterns(API_PATH);
    registration.setOrder(CALLER_FILTERS_ORDER - 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> actuatorAccessFilter(ProcessEngine processEngine,
      IdentityService identityService) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
        new ActuatorAccessFilter(processEngine, identityService));
    registration.setName("actuator-access");
    registration.addUrlPatterns("/actuator", "/actuator/*");
    registration.setOrder(CALLER_FILTERS_ORDER);
    return registration;
  }
}
