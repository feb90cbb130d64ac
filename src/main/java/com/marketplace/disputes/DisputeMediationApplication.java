package com.marketplace.disputes;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the dispute mediation service: Camunda engine, webapps, REST API and the domain API. */
@SpringBootApplication
@EnableProcessApplication("dispute-mediation")
@ConfigurationPropertiesScan
public class DisputeMediationApplication {

  public static void main(String[] args) {
    SpringApplication.run(DisputeMediationApplication.class, args);
  }
}
