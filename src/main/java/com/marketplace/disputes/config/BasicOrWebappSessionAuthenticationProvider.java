package com.marketplace.disputes.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;

/**
 * Logs a request into our own API either by HTTP basic (the marketplace, scripts) or, when it
 * carries no credentials, by the session of a user logged into the Camunda webapps: the Tasklist
 * forms call the API from the browser, where the user's password is not at hand but the session
 * cookie is. Writes by session need the webapps' CSRF token as well ({@link ApiCsrfFilter}).
 */
public class BasicOrWebappSessionAuthenticationProvider implements AuthenticationProvider {

  private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request,
      ProcessEngine engine) {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      return basic.extractAuthenticatedUser(request, engine);
    }
    UserAuthentication user = webappUser(request, engine);
    if (user == null) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult result = AuthenticationResult.successful(user.getIdentityId());
    result.setGroups(user.getGroupIds());
    result.setTenants(user.getTenantIds());
    return result;
  }

  /** Asks for basic credentials: a script learns how to log in, a browser session has expired. */
  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response,
      ProcessEngine engine) {
    basic.augmentResponseByAuthenticationChallenge(response, engine);
  }

  /** The user the webapps logged in for this engine in the request's session, if any. */
  static UserAuthentication webappUser(HttpServletRequest request, ProcessEngine engine) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    return AuthenticationUtil.getAuthsFromSession(session).getAuthentications().stream()
        .filter(auth -> auth.getProcessEngineName().equals(engine.getName()))
        .findFirst()
        .orElse(null);
  }
}
