package com.marketplace.disputes.analytics;

import com.marketplace.disputes.identity.PlatformGroups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets only analysts and administrators through to the dashboard and its data. Runs after the
 * engine's authentication filter, which has logged the caller in (HTTP basic against the
 * identity service) and answered 401 to anyone who is not.
 */
class AnalyticsAccessFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  AnalyticsAccessFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (identityService.getCurrentAuthentication() == null) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    if (!PlatformGroups.isMemberOfAny(identityService.getCurrentAuthentication(),
        PlatformGroups.FIGURE_READERS)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    // The page loads only its own scripts and styles; figures are per-user data.
    response.setHeader("Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    chain.doFilter(request, response);
  }
}
