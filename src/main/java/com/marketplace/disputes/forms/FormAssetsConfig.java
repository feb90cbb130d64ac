package com.marketplace.disputes.forms;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the scripts (ES modules) and style sheet the Tasklist forms share (forms/assets, on the
 * classpath under forms/assets) at /forms/assets/. The forms themselves are deployed with the
 * processes; Tasklist inserts their HTML without running plain script tags, so each form's own
 * script imports boot.js from here. Revalidated on every use so a new release reaches open
 * browsers at once.
 */
@Configuration(proxyBeanMethods = false)
public class FormAssetsConfig implements WebMvcConfigurer {

  public static final String PATH = "/forms/assets/";

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler(PATH + "**")
        .addResourceLocations("classpath:/forms/assets/")
        .setCacheControl(CacheControl.noCache());
  }
}
