package com.marketplace.disputes.config;

import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes the process engine wait for the Flyway migrations.
 *
 * <p>Without it the engine may build first and create its tables, and Flyway then refuses a
 * non-empty schema without history. Registered in META-INF/spring.factories, the way Spring Boot
 * orders its own database users after database initializers.
 */
public class EngineAfterMigrationsDetector
    extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngineConfigurationImpl.class);
  }
}
