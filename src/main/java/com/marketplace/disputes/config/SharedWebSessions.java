package com.marketplace.disputes.config;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps Spring Session's auto-configuration out unless {@code disputes.cluster.shared-web-sessions}
 * is true (profile postgres).
 *
 * <p>With spring-session-jdbc on the classpath, Spring Boot would store every HTTP session in the
 * database in every profile, also on the embedded H2 database, which has no session tables. Only
 * a cluster needs it: the Camunda webapps keep their login and their CSRF token in the HTTP
 * session, so behind a load balancer without sticky sessions every node must see every session.
 */
public class SharedWebSessions implements AutoConfigurationImportFilter, EnvironmentAware {

  static final String PROPERTY = "disputes.cluster.shared-web-sessions";
  private static final String SESSION_AUTO_CONFIGURATION =
      "org.springframework.boot.autoconfigure.session.SessionAutoConfiguration";

  private boolean shared;

  @Override
  public void setEnvironment(Environment environment) {
    shared = environment.getProperty(PROPERTY, Boolean.class, false);
  }

  @Override
  public boolean[] match(String[] autoConfigurationClasses,
      AutoConfigurationMetadata autoConfigurationMetadata) {
    boolean[] matches = new boolean[autoConfigurationClasses.length];
    for (int i = 0; i < autoConfigurationClasses.length; i++) {
      matches[i] = shared || !SESSION_AUTO_CONFIGURATION.equals(autoConfigurationClasses[i]);
    }
    return matches;
  }
}
