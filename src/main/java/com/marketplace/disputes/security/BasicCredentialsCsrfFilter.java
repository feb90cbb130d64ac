package com.marketplace.disputes.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards writes that carry HTTP basic credentials against cross-site requests. A browser that
 * once logged in with basic credentials (an administrator opening /outbox, say) sends them again
 * by itself, to any page of this service, also when another site makes it post a form here: the
 * credentials prove nothing about who wrote the request. So a write with basic credentials
 * passes only when:
 *
 * <ul>
 *   <li>its {@code Origin}, or without one its {@code Referer}, is this service (a browser always
 *       sends the page's true origin on a cross-site POST, and a page cannot forge it); a foreign
 *       one is refused, also with the header below;</li>
 *   <li>or, with neither (curl, the marketplace's client), it is a POST that a cross-site form or
 *       a no-CORS fetch cannot produce: a {@code Content-Type} other than the three a form may send
 *       ({@code application/x-www-form-urlencoded}, {@code multipart/form-data},
 *       {@code text/plain}), such as {@code application/json}, or the header
 *       {@code X-Requested-By} (or {@code X-Requested-With}) for a form or multipart body.
 *       PUT, PATCH and DELETE need no such header: a browser sends them cross-site only after a
 *       CORS preflight, which this service never grants.</li>
 * </ul>
 *
 * <p>Writes without basic credentials are not this filter's business: the webapps check their
 * CSRF token on their session, our API does the same ({@code config.ApiCsrfFilter}), and
 * anonymous writes get 401 from the login filters.
 */
class BasicCredentialsCsrfFilter extends OncePerRequestFilter {

  static final String REQUESTED_BY = "X-Requested-By";
  static final String REQUESTED_WITH = "X-Requested-With";

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Set<String> FORM_CONTENT_TYPES = Set.of(
      "application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

  private final Set<String> trustedOrigins;

  /** @param trustedOrigins further origins whose pages may write (scheme://host[:port]) */
  BasicCredentialsCsrfFilter(Set<String> trustedOrigins) {
    this.trustedOrigins = trustedOrigins;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String refusal = WRITES.contains(request.getMethod()) && hasBasicCredentials(request)
        ? refusal(request) : null;
    if (refusal != null) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, refusal);
      return;
    }
    chain.doFilter(request, response);
  }

  private String refusal(HttpServletRequest request) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin != null) {
      return isOwn(origin, request) ? null
          : "Cross-site request refused: Origin " + origin + " is not this service.";
    }
    String referer = request.getHeader(HttpHeaders.REFERER);
    if (referer != null) {
      return isOwn(originOf(referer), request) ? null
          : "Cross-site request refused: the Referer is not this service.";
    }
    if (!"POST".equals(request.getMethod()) || hasHeader(request, REQUESTED_BY)
        || hasHeader(request, REQUESTED_WITH)) {
      return null;
    }
    String contentType = request.getContentType();
    String mediaType = contentType == null ? ""
        : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.isEmpty() && !FORM_CONTENT_TYPES.contains(mediaType)) {
      return null;
    }
    return "A POST with basic credentials needs a Content-Type such as application/json, or the"
        + " header " + REQUESTED_BY + " (any value) for a form, multipart or empty body.";
  }

  private boolean isOwn(String origin, HttpServletRequest request) {
    if (origin == null) {
      return false;
    }
    String normalized = origin.toLowerCase(Locale.ROOT);
    return normalized.equals(ownOrigin(request)) || trustedOrigins.contains(normalized);
  }

  /** This request's own origin, as the browser would write it (default ports left out). */
  static String ownOrigin(HttpServletRequest request) {
    String scheme = request.getScheme().toLowerCase(Locale.ROOT);
    int port = request.getServerPort();
    boolean defaultPort = ("http".equals(scheme) && port == 80)
        || ("https".equals(scheme) && port == 443);
    return scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT)
        + (defaultPort || port <= 0 ? "" : ":" + port);
  }

  private static String originOf(String url) {
    try {
      URI uri = URI.create(url.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return null;
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
          || ("https".equals(scheme) && port == 443);
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
          + (defaultPort ? "" : ":" + port);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean hasBasicCredentials(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    return authorization != null
        && authorization.regionMatches(true, 0, "Basic ", 0, "Basic ".length());
  }

  private static boolean hasHeader(HttpServletRequest request, String name) {
    String value = request.getHeader(name);
    return value != null && !value.isBlank();
  }
}
