package com.marketplace.disputes.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the Admin webapp's first-user setup ({@code POST /camunda/api/admin/setup/{engine}/user/
 * create}) in every profile. While no user is in {@code camunda-admin}, Camunda lets an anonymous
 * caller create one there, with nothing but the CSRF token any page hands out: the first stranger
 * would become administrator and could deploy models with scripts. Administrators come from
 * {@code camunda.bpm.admin-user} or the database instead ({@link AdministratorRequired}).
 */
class FirstUserSetupFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    response.sendError(HttpServletResponse.SC_FORBIDDEN,
        "The first-user setup is closed; set camunda.bpm.admin-user for a first administrator.");
  }
}
