package com.marketplace.disputes.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application in the test's JVM on an in-memory database with the job executor off
 * (tests run jobs themselves). Every class carrying it (or {@link ProcessTest}) shares one
 * Spring context, booted once per test run: a class must not add properties, beans or mocks of
 * its own, and leaves nothing behind that the next class would trip over (the clock, a seam
 * told to fail). The coverage plugin is in the engine so that {@link ProcessTest} classes and the
 * others share the context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, TestSeams.class})
public @interface ServiceTest {}
