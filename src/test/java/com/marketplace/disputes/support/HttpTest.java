package com.marketplace.disputes.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, for tests over HTTP (the {@code *IT} classes), on an
 * in-memory database with the job executor off. Every class carrying it shares one Spring
 * context, booted once per test run, so the settings some of them need are set here for all:
 * none of them changes what the others see.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // EvidenceIT: limits small enough to reach with a few uploads.
    "disputes.evidence.max-file-size=64KB", "disputes.evidence.max-dispute-size=100KB",
    // DisputeMetricsIT: every scrape counts afresh.
    "disputes.analytics.snapshot-ttl=PT0S",
    // HardeningIT: a reverse proxy in front (X-Forwarded-For/-Proto), and a first wait after
    // wrong passwords longer than any test takes, so that "still waiting" does not depend on
    // speed. The other classes never send forwarded headers, and users that take a wrong
    // password are used for nothing else.
    "server.forward-headers-strategy=native",
    "disputes.security.login-throttle.first-back-off=PT5M",
    "disputes.security.login-throttle.max-back-off=PT10M"})
// DisputeMetricsIT: /actuator/prometheus answers as in production.
@AutoConfigureObservability
@ActiveProfiles("test")
@Import(TestSeams.class)
public @interface HttpTest {}
