package com.marketplace.disputes.config;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Puts the JVM in the time zone {@code disputes.cluster.time-zone} (profile postgres: UTC) before
 * any bean exists.
 *
 * <p>The engine writes timer due dates and job lock expiry times as {@code timestamp without time
 * zone} in the JVM's zone, and every node compares them with its own clock: nodes in different
 * zones would fire timers hours early or late and steal each other's locked jobs. The PostgreSQL
 * driver opens each session in the JVM's zone, so the database sessions follow. Runs after the
 * configuration files are read (profile files included), before the data source and the engine.
 */
public class ClusterTimeZone implements EnvironmentPostProcessor, Ordered {

  static final String PROPERTY = "disputes.cluster.time-zone";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment,
      SpringApplication application) {
    String zone = environment.getProperty(PROPERTY);
    if (zone == null || zone.isBlank()) {
      return;
    }
    TimeZone timeZone = TimeZone.getTimeZone(zone.trim());
    if (!timeZone.getID().equals(zone.trim())) {
      throw new IllegalStateException(PROPERTY + " names no time zone: " + zone);
    }
    TimeZone.setDefault(timeZone);
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
