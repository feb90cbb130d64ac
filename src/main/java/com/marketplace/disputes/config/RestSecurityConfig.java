package com.marketplace.disputes.config;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTP basic login, checked against Camunda's identity service, for the engine REST API, our own
 * API and the actuator. The Camunda webapps keep their own session login and are not touched.
 *
 * <p>The engine filter sets {@code identityService.setAuthentication(user, groups)} for the
 * request, so the engine checks authorizations for every service call the request makes, also
 * from our controllers, which read the caller from
 * {@code identityService.getCurrentAuthentication()}.
 */
@Configuration(proxyBeanMethods = false)
public class RestSecurityConfig {

  static final String[] AUTHENTICATED_PATHS = {"/engine-rest/*", "/api/*"};

  @Bean
  FilterRegistrationBean<Filter> engineAuthenticationFilter() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-auth");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(AUTHENTICATED_PATHS);
    registration.setAsyncSupported(true);
    // After Spring's character encoding filter, before anything that reads the caller.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> actuatorAccessFilter(ProcessEngine processEngine,
      IdentityService identityService) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
        new ActuatorAccessFilter(processEngine, identityService));
    registration.setName("actuator-access");
    registration.addUrlPatterns("/actuator", "/actuator/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
