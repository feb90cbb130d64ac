package com.marketplace.disputes.notification;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outbox viewer is for administrators only: HTTP basic against Camunda's identity service,
 * then membership of {@code camunda-admin}. Registered on the viewer's paths alone, under names of
 * its own, next to whatever guards the REST API.
 */
@Configuration(proxyBeanMethods = false)
class OutboxSecurityConfiguration {

  static final String[] PATHS = {OutboxViewerController.PATH, OutboxViewerController.PATH + "/*"};

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> outboxAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("outboxAuthenticationFilter");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(PATHS);
    registration.setOrder(100);
    return registration;
  }

  @Bean
  FilterRegistrationBean<CamundaAdminOnlyFilter> outboxAdminOnlyFilter(
      IdentityService identityService) {
    FilterRegistrationBean<CamundaAdminOnlyFilter> registration =
        new FilterRegistrationBean<>(new CamundaAdminOnlyFilter(identityService));
    registration.setName("outboxAdminOnlyFilter");
    registration.addUrlPatterns(PATHS);
    registration.setOrder(101);
    return registration;
  }

  /** Lets through only users the authentication filter found in the group camunda-admin. */
  static class CamundaAdminOnlyFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    CamundaAdminOnlyFilter(IdentityService identityService) {
      this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
        FilterChain chain) throws ServletException, IOException {
      Authentication authentication = identityService.getCurrentAuthentication();
      if (authentication == null || authentication.getGroupIds() == null
          || !authentication.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
        response.sendError(HttpServletResponse.SC_FORBIDDEN, "Administrators only");
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
