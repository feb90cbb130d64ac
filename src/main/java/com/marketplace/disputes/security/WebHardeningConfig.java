package com.marketplace.disputes.security;

import com.marketplace.disputes.config.RestSecurityConfig;
import jakarta.servlet.Filter;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The web layer's guards, each on the routes it protects, all before the login filters
 * ({@link RestSecurityConfig#CALLER_FILTERS_ORDER}), in this order: transport security headers,
 * the request size limit, the closed first-user setup and password check, the cross-site check
 * for basic credentials, the login throttle.
 */
@Configuration(proxyBeanMethods = false)
public class WebHardeningConfig {

  private static final int FIRST = Ordered.HIGHEST_PRECEDENCE + 10;

  @Bean
  FilterRegistrationBean<Filter> transportSecurityFilter(
      @Value("${disputes.http.hsts-max-age:P365D}") Duration hstsMaxAge) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new TransportSecurityFilter(hstsMaxAge.toSeconds()));
    registration.setName("transport-security");
    registration.addUrlPatterns("/*");
    registration.setAsyncSupported(true);
    registration.setOrder(FIRST);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> requestSizeLimitFilter(
      @Value("${disputes.http.max-request-size:11MB}") DataSize maxRequestSize) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxRequestSize.toBytes()));
    registration.setName("request-size-limit");
    registration.addUrlPatterns("/*");
    registration.setAsyncSupported(true);
    registration.setOrder(FIRST + 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> firstUserSetupFilter(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new FirstUserSetupFilter());
    registration.setName("first-user-setup-closed");
    registration.addUrlPatterns(webappPath + "/api/admin/setup/*");
    registration.setOrder(FIRST + 2);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> passwordCheckClosedFilter(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new PasswordCheckClosedFilter());
    registration.setName("password-check-closed");
    registration.addUrlPatterns("/engine-rest/identity/*", webappPath + "/api/engine/*");
    registration.setAsyncSupported(true);
    registration.setOrder(FIRST + 3);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> basicCredentialsCsrfFilter(
      @Value("${disputes.http.trusted-origins:}") String trustedOrigins) {
    Set<String> origins = Arrays.stream(trustedOrigins.split(","))
        .map(String::trim)
        .filter(origin -> !origin.isEmpty())
        .map(origin -> origin.toLowerCase(Locale.ROOT).replaceAll("/+$", ""))
        .collect(Collectors.toUnmodifiableSet());
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new BasicCredentialsCsrfFilter(origins));
    registration.setName("basic-credentials-csrf");
    registration.addUrlPatterns("/*");
    registration.setAsyncSupported(true);
    registration.setOrder(RestSecurityConfig.CALLER_FILTERS_ORDER - 3);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> loginThrottleFilter(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
      @Value("${disputes.security.login-throttle.max-failures:5}") int maxFailures,
      @Value("${disputes.security.login-throttle.first-back-off:PT1S}") Duration firstBackOff,
      @Value("${disputes.security.login-throttle.max-back-off:PT1M}") Duration maxBackOff,
      @Value("${disputes.security.login-throttle.max-entries:100000}") int maxEntries) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
        new LoginThrottleFilter(webappPath, maxFailures, firstBackOff, maxBackOff, maxEntries,
            Clock.systemUTC()));
    registration.setName("login-throttle");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/outbox", "/outbox/*",
        "/actuator", "/actuator/*", "/analytics/*", webappPath + "/api/admin/auth/user/*");
    registration.setAsyncSupported(true);
    registration.setOrder(RestSecurityConfig.CALLER_FILTERS_ORDER - 2);
    return registration;
  }
}
