package com.marketplace.disputes.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A process test: a {@link ServiceTest} (the same Spring context) about the processes' paths,
 * whose flow-node coverage is written to target/process-test-coverage and counts towards the
 * floor the build checks (support.ProcessCoverageSummary). The coverage library registers its
 * listener for every Spring test class, so other classes that run processes count as well;
 * a class whose paths are random is marked {@code @ExcludeFromProcessCoverage}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServiceTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface ProcessTest {}
