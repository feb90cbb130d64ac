package com.marketplace.disputes.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A login to the Camunda webapps as a browser makes it: the session cookie and the CSRF token
 * the webapps' own REST API (and ours, for a webapp session) want with every change.
 */
public final class WebappSession {

  private final String cookies;

  private WebappSession(String cookies) {
    this.cookies = cookies;
  }

  /** Logs {@code user} in to the webapp {@code app} (tasklist, cockpit, admin). */
  public static WebappSession login(TestRestTemplate rest, String user, String app) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/default/",
        String.class);
    String cookies = cookies(page.getHeaders());
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", TestUsers.PASSWORD);
    HttpHeaders loginHeaders = new HttpHeaders();
    loginHeaders.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    loginHeaders.add(HttpHeaders.COOKIE, cookies);
    loginHeaders.add("X-XSRF-TOKEN", token(cookies));
    ResponseEntity<String> login = rest.exchange(
        "/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST,
        new HttpEntity<>(form, loginHeaders), String.class);
    assertThat(login.getStatusCode()).as(login.toString()).isEqualTo(HttpStatus.OK);
    cookies = merge(cookies, cookies(login.getHeaders()));
    // The login starts a new session; the webapps give it its CSRF token on the next request.
    HttpHeaders next = new HttpHeaders();
    next.add(HttpHeaders.COOKIE, cookies);
    return new WebappSession(merge(cookies, cookies(rest.exchange(
        "/camunda/api/admin/auth/user/default", HttpMethod.GET, new HttpEntity<>(next),
        String.class).getHeaders())));
  }

  public String cookies() {
    return cookies;
  }

  public String token() {
    return token(cookies);
  }

  /** The session's cookie and CSRF token, for a JSON request. */
  public HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, cookies);
    headers.add("X-XSRF-TOKEN", token());
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  private static String cookies(HttpHeaders headers) {
    List<String> set = headers.getOrDefault(HttpHeaders.SET_COOKIE, List.of());
    return String.join("; ", set.stream().map(cookie -> cookie.split(";", 2)[0]).toList());
  }

  private static String merge(String older, String newer) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (String cookie : (older + "; " + newer).split(";\\s*")) {
      if (cookie.contains("=")) {
        byName.put(cookie.substring(0, cookie.indexOf('=')), cookie);
      }
    }
    return String.join("; ", byName.values());
  }

  private static String token(String cookies) {
    for (String cookie : cookies.split(";\\s*")) {
      if (cookie.startsWith("XSRF-TOKEN=")) {
        return cookie.substring("XSRF-TOKEN=".length());
      }
    }
    throw new IllegalStateException("no XSRF-TOKEN cookie in " + cookies);
  }
}
