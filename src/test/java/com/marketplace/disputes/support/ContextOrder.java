package com.marketplace.disputes.support;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The order of the test classes in one JVM (junit-platform.properties): first the classes without
 * a Spring test context (some start applications of their own, which must not meet a test
 * context's process engine), then the Spring test classes grouped by their context configuration,
 * the key of Spring's context cache, so that each context starts once (see OneContextAtATime).
 * By name within a group, and groups in the order of their first class's name.
 */
public class ContextOrder implements ClassOrderer {

  @Override
  public void orderClasses(ClassOrdererContext context) {
    Map<MergedContextConfiguration, String> groups = new HashMap<>();
    Map<Class<?>, String> keys = new HashMap<>();
    context.getClassDescriptors().stream()
        .<Class<?>>map(ClassDescriptor::getTestClass)
        .sorted(Comparator.comparing(testClass -> testClass.getName()))
        .forEach(testClass -> {
          MergedContextConfiguration configuration = configuration(testClass);
          String group = configuration == null ? ""
              : groups.computeIfAbsent(configuration, c -> "1 " + testClass.getName());
          keys.put(testClass, group.isEmpty() ? "0" : group);
        });
    context.getClassDescriptors().sort(Comparator
        .comparing((ClassDescriptor descriptor) -> keys.get(descriptor.getTestClass()))
        .thenComparing(descriptor -> descriptor.getTestClass().getName()));
  }

  private static MergedContextConfiguration configuration(Class<?> testClass) {
    if (!MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY)
        .isPresent(BootstrapWith.class)) {
      return null;
    }
    return BootstrapUtils.resolveTestContextBootstrapper(testClass)
        .buildMergedContextConfiguration();
  }
}
