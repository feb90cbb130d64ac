package com.marketplace.disputes.analytics;

import com.marketplace.disputes.config.RestSecurityConfig;
import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard at /analytics/ behind the same login as the API: HTTP basic against Camunda's
 * identity service (the browser asks once and sends it to /api/analytics too), then analysts
 * and administrators only. /api/analytics/* is already logged in by the engine filter on /api/*.
 */
@Configuration(proxyBeanMethods = false)
public class AnalyticsWebConfig implements WebMvcConfigurer {

  static final String PAGE = "/analytics/*";
  static final String API = "/api/analytics/*";

  @Bean
  FilterRegistrationBean<Filter> analyticsAuthenticationFilter() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("analytics-auth");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(PAGE);
    registration.setOrder(RestSecurityConfig.CALLER_FILTERS_ORDER);
    return registration;
  }

  /** After both login filters, so that the caller's groups are known. */
  @Bean
  FilterRegistrationBean<Filter> analyticsAccessFilter(IdentityService identityService) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new AnalyticsAccessFilter(identityService));
    registration.setName("analytics-access");
    registration.addUrlPatterns(PAGE, API);
    registration.setOrder(RestSecurityConfig.CALLER_FILTERS_ORDER + 10);
    return registration;
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/analytics", "/analytics/");
    registry.addViewController("/analytics/").setViewName("forward:/analytics/index.html");
  }
}
