package com.marketplace.disputes.forms;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the scripts (ES modules) and style sheet the Tasklist forms share (forms/assets, on the
 * classpath under forms/assets) at /forms/assets/. The forms themselves are deployed with the
 * processes; Tasklist inserts their HTML without running plain script tags, so each form's own
 * script imports boot.js from here. Revalidated on every use so a new release reaches open
 * browsers at once.
 *
 * <p>Also the parties' page My disputes at /disputes/ (forms/disputes), built from the same
 * modules. The page holds no data: it reads the API with the Tasklist login, like the forms.
 */
@Configuration(proxyBeanMethods = false)
public class FormAssetsConfig implements WebMvcConfigurer {

  public static final String PATH = "/forms/assets/";
  public static final String PARTY_PAGE = "/disputes/";

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler(PATH + "**")
        .addResourceLocations("classpath:/forms/assets/")
        .setCacheControl(CacheControl.noCache());
    registry.addResourceHandler(PARTY_PAGE + "**")
        .addResourceLocations("classpath:/forms/disputes/")
        .setCacheControl(CacheControl.noCache());
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/disputes", PARTY_PAGE);
    registry.addViewController(PARTY_PAGE).setViewName("forward:" + PARTY_PAGE + "index.html");
  }
}
