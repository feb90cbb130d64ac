package com.marketplace.disputes.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing per source address and user name, in front of every login: HTTP basic
 * on the engine REST API, our API, /outbox, the actuator and the analytics page, and the webapps'
 * login form. After {@code max-failures} wrong passwords in a row from one address for one user,
 * that address waits before it may try that user again (429 with Retry-After), the wait doubling
 * with each further failure up to {@code max-back-off}. A right password clears the count, and so
 * do ten times {@code max-back-off} without a wrong one. Other
 * addresses are not affected, so a stranger guessing at {@code market} slows down only
 * themselves; the engine's own lock, which would stop the account for everyone, does not apply to
 * system accounts ({@link SystemAccountIdentityProvider}).
 *
 * <p>The address is the request's remote address: behind a reverse proxy set
 * {@code server.forward-headers-strategy} so that it is the client's, not the proxy's. The counts
 * live in this node's memory, bounded in size; each node of a cluster counts for itself.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  /** The webapps' login form, {@code {app path}/api/admin/auth/user/{engine}/login/{app}}. */
  private final String webappLoginPrefix;
  private final int maxFailures;
  private final Duration firstBackOff;
  private final Duration maxBackOff;
  private final int maxEntries;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  LoginThrottleFilter(String webappPath, int maxFailures, Duration firstBackOff,
      Duration maxBackOff, int maxEntries, Clock clock) {
    this.webappLoginPrefix = webappPath + "/api/admin/auth/user/";
    this.maxFailures = maxFailures;
    this.firstBackOff = firstBackOff;
    this.maxBackOff = maxBackOff;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String user = loginName(request);
    if (user == null) {
      chain.doFilter(request, response);
      return;
    }
    String key = request.getRemoteAddr() + "\n" + user;
    long now = clock.millis();
    Failures known = failures.get(key);
    long waitMillis = known == null ? 0 : known.waitMillis(now);
    if (waitMillis > 0) {
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf((waitMillis + 999) / 1000));
      response.sendError(429, "Too many wrong passwords for this user from your address; try"
          + " again in " + ((waitMillis + 999) / 1000) + " s.");
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      failed(key, now);
    } else if (known != null) {
      failures.remove(key);
    }
  }

  private void failed(String key, long now) {
    if (failures.size() >= maxEntries) {
      failures.values().removeIf(entry -> entry.forgettable(now));
      if (failures.size() >= maxEntries) {
        // Bounded memory under a flood of names and addresses: start counting afresh.
        failures.clear();
      }
    }
    failures.computeIfAbsent(key, k -> new Failures()).failed(now);
  }

  /** The user a request logs in as, or null when it logs in as nobody here. */
  private String loginName(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
      // Open to all: credentials sent there are not checked, so they prove nothing either way.
      return null;
    }
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null
        && authorization.regionMatches(true, 0, "Basic ", 0, "Basic ".length())) {
      try {
        String decoded = new String(Base64.getDecoder().decode(
            authorization.substring("Basic ".length()).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? decoded : decoded.substring(0, colon);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    if ("POST".equals(request.getMethod()) && path.startsWith(webappLoginPrefix)
        && path.contains("/login/")) {
      String user = request.getParameter("username");
      return user == null ? "" : user;
    }
    return null;
  }

  /** Wrong passwords in a row from one address for one user. */
  private final class Failures {
    private int count;
    private long last;

    synchronized void failed(long now) {
      if (forgettable(now)) {
        count = 0;
      }
      count++;
      last = now;
    }

    synchronized long waitMillis(long now) {
      if (count < maxFailures || forgettable(now)) {
        return 0;
      }
      long backOff = firstBackOff.toMillis() << Math.min(count - maxFailures, 20);
      return Math.max(0, last + Math.min(backOff, maxBackOff.toMillis()) - now);
    }

    /** Quiet for ten of the longest waits: the count starts again. */
    synchronized boolean forgettable(long now) {
      return now - last > 10 * maxBackOff.toMillis();
    }
  }
}
