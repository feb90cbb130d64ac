package com.marketplace.disputes.security;

import jakarta.servlet.Filter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The web layer's guards, each on the routes it protects. */
@Configuration(proxyBeanMethods = false)
public class WebHardeningConfig {

  private static final int FIRST = Ordered.HIGHEST_PRECEDENCE + 10;

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
}
