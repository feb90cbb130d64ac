package com.marketplace.disputes.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Camunda webapps as an anonymous browser sees them: the cookies and CSRF token from any page,
 * and the Admin webapp's first-user setup called with them.
 */
final class FirstUserSetup {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private FirstUserSetup() {
  }

  /** The cookies and the CSRF token a webapp page hands an anonymous browser. */
  static String[] cookiesAndToken(String baseUrl) throws IOException, InterruptedException {
    HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(
        URI.create(baseUrl + "/camunda/app/admin/default/")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    List<String> setCookies = page.headers().allValues("Set-Cookie");
    String cookies = setCookies.stream().map(cookie -> cookie.split(";", 2)[0])
        .collect(Collectors.joining("; "));
    String token = setCookies.stream().filter(cookie -> cookie.startsWith("XSRF-TOKEN="))
        .map(cookie -> cookie.substring("XSRF-TOKEN=".length()).split(";", 2)[0])
        .findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie: " + setCookies));
    return new String[] {cookies, token};
  }

  /** The status of an anonymous attempt to create {@code userId} as the first administrator. */
  static int tryCreate(String baseUrl, String userId) throws IOException, InterruptedException {
    String[] csrf = cookiesAndToken(baseUrl);
    String body = "{\"profile\":{\"id\":\"" + userId + "\",\"firstName\":\"Eve\","
        + "\"lastName\":\"Stranger\",\"email\":\"eve@example.test\"},"
        + "\"credentials\":{\"password\":\"stranger-password-1\"}}";
    return HTTP.send(HttpRequest.newBuilder(
            URI.create(baseUrl + "/camunda/api/admin/setup/default/user/create"))
        .header("Content-Type", "application/json")
        .header("Cookie", csrf[0])
        .header("X-XSRF-TOKEN", csrf[1])
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
