package com.marketplace.disputes.cluster;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Runs the Spring tests of this JVM on an embedded PostgreSQL instead of H2 when the system
 * property {@code disputes.test.database} is {@code postgres} (the failsafe execution
 * "process-tests-on-postgres" in pom.xml sets it, together with {@code
 * spring.profiles.include=postgres}). Registered in META-INF/spring.factories of the test
 * classpath, so the test classes themselves stay as they are.
 *
 * <p>One server per JVM, and a fresh database in it for each Spring context, as each gets a fresh
 * in-memory H2 database (support.OneContextAtATime).
 */
public class PostgresContextCustomizerFactory implements ContextCustomizerFactory {

  static final String SWITCH = "disputes.test.database";

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    return "postgres".equals(System.getProperty(SWITCH)) ? new OnPostgres() : null;
  }

  /** Puts the data source properties above every other property source. */
  static final class OnPostgres implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context,
        MergedContextConfiguration mergedConfig) {
      TestPostgres postgres = TestPostgres.shared();
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(
          "embeddedPostgres", Map.of(
              "spring.datasource.url", postgres.jdbcUrl(postgres.newDatabase()),
              "spring.datasource.username", TestPostgres.USER,
              // The embedded server trusts local connections and ignores the password; outside
              // the demo profile the application refuses an empty one.
              "spring.datasource.password", TestPostgres.PASSWORD)));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof OnPostgres;
    }

    @Override
    public int hashCode() {
      return OnPostgres.class.hashCode();
    }
  }
}
