package com.marketplace.disputes.config;

import com.marketplace.disputes.identity.PlatformGroups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the actuator's health probe open for load balancers and lets only administrators and
 * analysts see everything else (metrics, Prometheus, info), logged in by HTTP basic against the
 * identity service.
 */
class ActuatorAccessFilter extends OncePerRequestFilter {

  private final AuthenticationProvider basicAuthentication = new HttpBasicAuthenticationProvider();
  private final ProcessEngine processEngine;
  private final IdentityService identityService;

  ActuatorAccessFilter(ProcessEngine processEngine, IdentityService identityService) {
    this.processEngine = processEngine;
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
      chain.doFilter(request, response);
      return;
    }
    AuthenticationResult result = basicAuthentication.extractAuthenticatedUser(request, processEngine);
    if (!result.isAuthenticated()) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      basicAuthentication.augmentResponseByAuthenticationChallenge(response, processEngine);
      return;
    }
    boolean allowed = identityService.createGroupQuery()
        .groupMember(result.getAuthenticatedUser())
        .list().stream()
        .map(Group::getId)
        .anyMatch(PlatformGroups.FIGURE_READERS::contains);
    if (!allowed) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    chain.doFilter(request, response);
  }
}
