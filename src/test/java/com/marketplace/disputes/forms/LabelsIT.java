package com.marketplace.disputes.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplace.disputes.identity.PlatformGroups;
import com.marketplace.disputes.support.HttpTest;
import com.marketplace.disputes.support.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The labels the forms and the dashboard read: any logged-in user gets them, nobody else. */
@HttpTest
class LabelsIT {

  private static final String BUYER = "lbbuyer";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;

  @BeforeEach
  void users() {
    new TestUsers(identityService).user(BUYER, PlatformGroups.BUYERS);
  }

  @Test
  void aBuyerGetsTheLabelsInTheLanguageAsked() {
    ResponseEntity<JsonNode> english = rest.withBasicAuth(BUYER, TestUsers.PASSWORD)
        .getForEntity("/api/labels?lang=en", JsonNode.class);
    assertThat(english.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(english.getBody().get("Resolution.FULL_REFUND").asText()).isEqualTo("Full refund");
    assertThat(english.getBody().get("Party.BUYER").asText()).isEqualTo("Buyer");

    JsonNode german = rest.withBasicAuth(BUYER, TestUsers.PASSWORD)
        .getForObject("/api/labels?lang=de", JsonNode.class);
    assertThat(german.get("Resolution.FULL_REFUND").asText()).isEqualTo("Volle Erstattung");
    assertThat(german.size()).isEqualTo(english.getBody().size());

    JsonNode unknown = rest.withBasicAuth(BUYER, TestUsers.PASSWORD)
        .getForObject("/api/labels?lang=fr", JsonNode.class);
    assertThat(unknown).as("a language without a bundle gets English").isEqualTo(english.getBody());
  }

  @Test
  void anonymousCallersAreRefused() {
    ResponseEntity<String> anonymous = rest.getForEntity("/api/labels", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(String.valueOf(anonymous.getBody())).doesNotContain("Full refund");
  }
}
