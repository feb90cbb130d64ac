package com.marketplace.disputes.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplace.disputes.identity.PlatformGroups;
import com.marketplace.disputes.support.HttpTest;
import com.marketplace.disputes.support.TestUsers;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard and its data over HTTP: who gets in, and that the CSV files say exactly what the
 * JSON says, figure by figure, over the seeded history.
 */
@HttpTest
class AnalyticsApiIT {

  private static final String ANALYST = "anaanalyst";
  private static final String ADMIN = "anaadmin";
  private static final String BUYER = "anabuyer";
  private static final String MEDIATOR = "anamediator";
  private static final String MARCH = "from=2026-03-01&to=2026-03-31";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void setUp() {
    TestUsers users = new TestUsers(identityService);
    users.user(ANALYST, PlatformGroups.ANALYSTS);
    users.user(ADMIN, PlatformGroups.CAMUNDA_ADMIN);
    users.user(BUYER, PlatformGroups.BUYERS);
    users.user(MEDIATOR, PlatformGroups.MEDIATORS);
    ClockUtil.setCurrentTime(Date.from(SeededHistory.NOW));
    new SeededHistory(jdbc).write();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, TestUsers.PASSWORD);
  }

  @Test
  void anAnalystReadsTheDashboardPageItsScriptsAndItsData() {
    ResponseEntity<String> page = as(ANALYST).getForEntity("/analytics/", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getBody()).contains("<h1>Dispute analytics</h1>", "dashboard.js");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'");
    for (String asset : List.of("dashboard.js", "charts.js", "dashboard.css")) {
      assertThat(as(ANALYST).getForEntity("/analytics/" + asset, String.class).getStatusCode())
          .as(asset).isEqualTo(HttpStatus.OK);
    }
    ResponseEntity<JsonNode> all = as(ANALYST).getForEntity("/api/analytics?" + MARCH,
        JsonNode.class);
    assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> ids = new ArrayList<>();
    all.getBody().get("figures").forEach(f -> ids.add(f.get("figure").asText()));
    assertThat(ids).containsExactly("opened-per-day", "open-by-status", "outcomes",
        "escalations", "durations", "mediation-sla", "decisions", "refunds", "appeals",
        "decisions-by-rule", "top-sellers");
    assertThat(as(ADMIN).getForEntity("/analytics/", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(as(ADMIN).getForEntity("/api/analytics/outcomes.csv?" + MARCH, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void everyCsvFileEqualsItsJsonFigure() {
    JsonNode all = as(ANALYST).getForEntity("/api/analytics?" + MARCH, JsonNode.class).getBody();
    for (Figure figure : Figure.values()) {
      ResponseEntity<JsonNode> json = as(ANALYST).getForEntity(
          "/api/analytics/" + figure.id() + "?" + MARCH, JsonNode.class);
      ResponseEntity<String> csv = as(ANALYST).getForEntity(
          "/api/analytics/" + figure.id() + ".csv?" + MARCH, String.class);
      assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
          .isTrue();
      assertThat(csv.getHeaders().getContentDisposition().getFilename())
          .isEqualTo("disputes-" + figure.id() + "-2026-03-01-to-2026-03-31.csv");

      JsonNode document = json.getBody();
      assertThat(document.get("definition").asText()).isEqualTo(figure.definition());
      List<String> columns = new ArrayList<>();
      document.get("columns").forEach(c -> columns.add(c.asText()));
      List<List<String>> fromJson = new ArrayList<>();
      fromJson.add(columns);
      for (JsonNode row : document.get("rows")) {
        List<String> cells = new ArrayList<>();
        // An empty value (a rate with nothing to divide by) is left out of the JSON.
        columns.forEach(c -> cells.add(row.get(c) == null || row.get(c).isNull() ? ""
            : row.get(c).asText()));
        fromJson.add(cells);
      }
      assertThat(Csv.parse(csv.getBody())).as(figure.id()).isEqualTo(fromJson);
      assertThat(fromJson).as(figure.id() + " has rows").hasSizeGreaterThan(1);
      assertThat(all.get("figures").get(figure.ordinal())).as(figure.id()).isEqualTo(document);
    }
  }

  @Test
  void buyersAndMediatorsAreForbidden() {
    for (String user : List.of(BUYER, MEDIATOR)) {
      for (String path : List.of("/analytics/", "/analytics/dashboard.js", "/api/analytics",
          "/api/analytics/outcomes?" + MARCH, "/api/analytics/outcomes.csv?" + MARCH)) {
        assertThat(as(user).getForEntity(path, String.class).getStatusCode())
            .as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
      }
    }
  }

  @Test
  void anonymousCallersAreAskedToLogIn() {
    for (String path : List.of("/analytics/", "/analytics/charts.js", "/api/analytics",
        "/api/analytics/refunds.csv?" + MARCH)) {
      ResponseEntity<String> response = rest.getForEntity(path, String.class);
      assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(path)
          .startsWith("Basic");
    }
  }

  @Test
  void thePeriodDefaultsToTheLastThirtyDaysAndIsChecked() {
    JsonNode defaults = as(ANALYST).getForEntity("/api/analytics/outcomes", JsonNode.class)
        .getBody();
    assertThat(defaults.get("from").asText()).isEqualTo("2026-03-04");
    assertThat(defaults.get("to").asText()).isEqualTo("2026-04-02");

    assertThat(status("/api/analytics/outcomes?from=2026-04-01&to=2026-03-01"))
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(status("/api/analytics/outcomes?from=2024-01-01&to=2026-03-01"))
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(status("/api/analytics/outcomes?from=March")).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(status("/api/analytics/top-sellers?limit=0")).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(status("/api/analytics/no-such-figure")).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private HttpStatus status(String path) {
    return HttpStatus.valueOf(as(ANALYST).getForEntity(path, String.class).getStatusCode().value());
  }

  /** Just enough RFC 4180 to read the files back: quoted fields, doubled quotes, CRLF. */
  static final class Csv {

    static List<List<String>> parse(String text) {
      List<List<String>> lines = new ArrayList<>();
      List<String> line = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          line.add(field.toString());
          field.setLength(0);
        } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          line.add(field.toString());
          field.setLength(0);
          lines.add(line);
          line = new ArrayList<>();
          i++;
        } else {
          field.append(c);
        }
      }
      if (!line.isEmpty() || field.length() > 0) {
        throw new IllegalArgumentException("CSV does not end with CRLF");
      }
      return lines;
    }
  }
}
