package com.marketplace.disputes.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The test classes of a surefire or failsafe run share one JVM and Spring's context cache, which
 * holds one context (META-INF/spring.properties) and evicts it only after the next one has
 * started. Every context registers its process engine, named "default", in Camunda's JVM-wide
 * container, so two must never be alive at once: before a new context starts, this closes the one
 * before it. The new context gets an in-memory database of its own ({@code
 * disputes.test.database-name}, used by application-test.yaml), as a JVM per class gave each.
 * support.ContextOrder runs the classes of one context together, so a closed context is never
 * asked for again. Registered in META-INF/spring.factories of the test classpath.
 */
public class OneContextAtATime implements ContextCustomizerFactory {

  private static final List<ConfigurableApplicationContext> LIVE = new ArrayList<>();
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    return new CloseThePrevious();
  }

  static final class CloseThePrevious implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context,
        MergedContextConfiguration mergedConfig) {
      synchronized (LIVE) {
        LIVE.forEach(ConfigurableApplicationContext::close);
        LIVE.clear();
        LIVE.add(context);
      }
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(
          "testDatabase",
          Map.of("disputes.test.database-name", "disputes-test-" + DATABASES.incrementAndGet())));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof CloseThePrevious;
    }

    @Override
    public int hashCode() {
      return CloseThePrevious.class.hashCode();
    }
  }
}
