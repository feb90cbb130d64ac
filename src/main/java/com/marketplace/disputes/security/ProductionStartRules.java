package com.marketplace.disputes.security;

import com.marketplace.disputes.notification.EmbeddedMailServerConfiguration;
import java.util.Arrays;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Refuses a start whose configuration would be unsafe in production, before any bean (the
 * database, the engine, the web server) is made. The demo profile, what {@code ./mvnw
 * spring-boot:run} selects, is exempt where it says so; every other start, a bare {@code java
 * -jar} included, must say what it uses:
 *
 * <ul>
 *   <li>a database password: the embedded defaults ({@code sa} and no password) are for the demo;
 *   <li>where notices go: {@code spring.mail.host}, or the embedded SMTP server turned on by name
 *       ({@value EmbeddedMailServerConfiguration#ENABLED}), so that production mail never lands
 *       unseen in a server inside the application;
 *   <li>an administrator given by {@code camunda.bpm.admin-user.id} has a password of its own
 *       (Camunda's starter would otherwise use the id as the password). Whether there is an
 *       administrator at all needs the database: {@link AdministratorRequired}.
 * </ul>
 */
@Component
public class ProductionStartRules implements BeanFactoryPostProcessor, EnvironmentAware {

  public static final String DEMO_PROFILE = "demo";

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    check(environment);
  }

  /** Throws {@link UnsafeStartException} naming the first rule the environment breaks. */
  public static void check(Environment environment) {
    boolean demo = environment.acceptsProfiles(Profiles.of(DEMO_PROFILE));
    if (!demo) {
      requireDatabasePassword(environment);
    }
    requireMailDestination(environment);
    requireAdminPassword(environment);
  }

  private static void requireDatabasePassword(Environment environment) {
    String password = environment.getProperty("spring.datasource.password");
    if (password == null || password.isBlank()) {
      throw new UnsafeStartException(
          "No database password is set (spring.datasource.password is empty), and only the demo"
              + " profile runs without one (active profiles: " + profiles(environment) + ").",
          "Set spring.datasource.password (on profile postgres: DISPUTES_DB_PASSWORD). An"
              + " existing H2 database keeps the password it was created with.");
    }
  }

  private static void requireMailDestination(Environment environment) {
    String host = environment.getProperty("spring.mail.host");
    if (host != null && !host.isBlank()) {
      return;
    }
    boolean embedded = environment.getProperty(EmbeddedMailServerConfiguration.ENABLED,
        Boolean.class, false);
    if (!embedded) {
      throw new UnsafeStartException(
          "No mail server is set (spring.mail.host is empty) and the embedded SMTP server is off"
              + " (active profiles: " + profiles(environment) + ").",
          "Set spring.mail.host (with spring.mail.port, username, password) to send the notices,"
              + " or set " + EmbeddedMailServerConfiguration.ENABLED + "=true to keep them in"
              + " the embedded server, where only /outbox shows them.");
    }
    if (!ClassUtils.isPresent(EmbeddedMailServerConfiguration.GREENMAIL_CLASS,
        ProductionStartRules.class.getClassLoader())) {
      throw new UnsafeStartException(
          EmbeddedMailServerConfiguration.ENABLED + " is true, but this build has no embedded"
              + " SMTP server: the packaged jar leaves GreenMail out.",
          "Set spring.mail.host, or build the jar with ./mvnw -Pembedded-mail package, or run"
              + " ./mvnw spring-boot:run.");
    }
  }

  private static void requireAdminPassword(Environment environment) {
    String id = environment.getProperty("camunda.bpm.admin-user.id");
    if (id == null || id.isBlank()) {
      return;
    }
    String password = environment.getProperty("camunda.bpm.admin-user.password");
    if (password == null || password.isBlank() || password.equals(id)) {
      throw new UnsafeStartException(
          "camunda.bpm.admin-user.id is set to '" + id + "' without a password of its own"
              + " (Camunda would make the id the password).",
          "Set camunda.bpm.admin-user.password (environment CAMUNDA_BPM_ADMINUSER_PASSWORD) to"
              + " a password that is not the user id.");
    }
  }

  private static String profiles(Environment environment) {
    String[] active = environment.getActiveProfiles();
    return active.length == 0 ? "none" : String.join(", ", Arrays.asList(active));
  }
}
