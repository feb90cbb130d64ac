package com.marketplace.disputes.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the engine API's password check ({@code POST /identity/verify} with any user name and
 * password) on the engine REST API and the webapps' engine API. Any logged-in user could guess
 * other users' passwords there, outside the login throttle, which counts the caller's own
 * logins; with the marketplace's system account exempt from the engine's lock, nothing else
 * would slow it down. The service has no use for it.
 */
class PasswordCheckClosedFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.endsWith("/identity/verify") || path.endsWith("/identity/verify/")) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "The password check is closed.");
      return;
    }
    chain.doFilter(request, response);
  }
}
