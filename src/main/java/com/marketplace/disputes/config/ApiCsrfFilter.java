package com.marketplace.disputes.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards writes to our API that ride on a webapp session cookie against cross-site requests, the
 * way the Camunda webapps guard their own: the request must repeat the session's CSRF token (the
 * XSRF-TOKEN cookie the webapps set) in the X-XSRF-TOKEN header. Requests with HTTP basic
 * credentials pass here; security.BasicCredentialsCsrfFilter checks where they come from.
 */
class ApiCsrfFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (SAFE_METHODS.contains(request.getMethod())
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      chain.doFilter(request, response);
      return;
    }
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null
        : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    if (expected != null && sent != null && MessageDigest.isEqual(
        expected.toString().getBytes(StandardCharsets.UTF_8),
        sent.getBytes(StandardCharsets.UTF_8))) {
      chain.doFilter(request, response);
      return;
    }
    if (session == null) {
      // No session: nothing to forge; the login filter answers 401.
      chain.doFilter(request, response);
      return;
    }
    response.setHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME, CsrfConstants.CSRF_TOKEN_HEADER_REQUIRED);
    response.sendError(HttpServletResponse.SC_FORBIDDEN, "CSRF token missing or wrong");
  }
}
