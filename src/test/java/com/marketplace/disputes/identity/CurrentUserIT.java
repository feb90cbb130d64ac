package com.marketplace.disputes.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplace.disputes.support.ApiCalls;
import com.marketplace.disputes.support.HttpTest;
import com.marketplace.disputes.support.TestUsers;
import com.marketplace.disputes.support.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** GET /api/me: the caller's own facts for the screens, and nobody else's. */
@HttpTest
class CurrentUserIT {

  private static final String BUYER = "mebuyer";
  private static final String SELLER = "meseller";
  private static final String MEDIATOR = "memediator";
  private static final String ADMIN = "meadmin";
  /** Only ever tried with a wrong password: the engine makes a user wait after one. */
  private static final String GUESSED = "meguessed";

  @Autowired ApiCalls api;
  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;

  @BeforeEach
  void users() {
    api.user(BUYER, PlatformGroups.BUYERS);
    api.user(SELLER, PlatformGroups.SELLERS);
    api.user(MEDIATOR, PlatformGroups.MEDIATORS);
    api.user(ADMIN, PlatformGroups.CAMUNDA_ADMIN);
    api.user(GUESSED, PlatformGroups.SELLERS);
    identityService.setUserInfo(SELLER, UserLanguage.LOCALE_INFO_KEY, "de");
  }

  @Test
  void eachCallerLearnsWhoTheyAreTheirLanguageAndWhetherTheyAreAParty() {
    JsonNode buyer = me(BUYER);
    assertThat(buyer.get("userId").asText()).isEqualTo(BUYER);
    assertThat(buyer.get("groups")).extracting(JsonNode::asText).containsExactly("buyers");
    assertThat(buyer.get("party").asBoolean()).isTrue();
    assertThat(buyer.get("admin").asBoolean()).isFalse();
    assertThat(buyer.has("locale")).as("no language of their own").isFalse();

    JsonNode seller = me(SELLER);
    assertThat(seller.get("locale").asText()).isEqualTo("de");
    assertThat(seller.get("party").asBoolean()).isTrue();

    assertThat(me(MEDIATOR).get("party").asBoolean()).isFalse();
    JsonNode admin = me(ADMIN);
    assertThat(admin.get("admin").asBoolean()).isTrue();
    assertThat(admin.get("party").asBoolean()).isFalse();
  }

  @Test
  void aWebappSessionGetsItsOwnCsrfTokenAndBasicCredentialsNone() {
    assertThat(me(BUYER).has("csrfToken")).isFalse();
    WebappSession session = WebappSession.login(rest, BUYER, "tasklist");
    ResponseEntity<JsonNode> bySession = rest.exchange("/api/me", HttpMethod.GET,
        new HttpEntity<>(session.headers()), JsonNode.class);
    assertThat(bySession.getBody().get("userId").asText()).isEqualTo(BUYER);
    assertThat(bySession.getBody().get("csrfToken").asText()).isEqualTo(session.token());
    // The answer carries the session's token: no browser or proxy may keep a copy.
    assertThat(bySession.getHeaders().getCacheControl()).contains("no-store");
  }

  @Test
  void nobodyLearnsAboutAnotherUserAndStrangersAreRefused() {
    ResponseEntity<JsonNode> asked = api.call(BUYER, HttpMethod.GET, "/api/me?userId=" + SELLER,
        null);
    assertThat(asked.getBody().get("userId").asText()).isEqualTo(BUYER);
    assertThat(asked.getBody().has("locale")).isFalse();

    assertThat(rest.getForEntity("/api/me", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> wrongPassword = rest.withBasicAuth(GUESSED, TestUsers.PASSWORD + "x")
        .getForEntity("/api/me", String.class);
    assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(String.valueOf(wrongPassword.getBody())).doesNotContain("sellers");
  }

  private JsonNode me(String user) {
    ResponseEntity<JsonNode> answer = api.call(user, HttpMethod.GET, "/api/me", null);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }
}
