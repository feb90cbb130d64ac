package com.marketplace.disputes.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On a request that came over TLS, on every route: the {@code Strict-Transport-Security} header,
 * so that the browser never again talks plain HTTP to this host, and the {@code Secure} flag on
 * every cookie set (the webapps' session and XSRF-TOKEN cookies, Spring Session's SESSION), so
 * that none is ever sent over plain HTTP. "Over TLS" is {@code request.isSecure()}: true with
 * {@code server.ssl.enabled}, and behind a TLS-terminating proxy that sends
 * {@code X-Forwarded-Proto: https} when {@code server.forward-headers-strategy} is set. A plain
 * HTTP request gets neither (a browser ignores HSTS there, and a Secure cookie would not come
 * back), so a local start without TLS keeps working.
 */
class TransportSecurityFilter extends OncePerRequestFilter {

  static final String HSTS = "Strict-Transport-Security";
  private static final Pattern SECURE = Pattern.compile("(?i);\\s*secure\\s*(;|$)");

  private final String hstsValue;

  TransportSecurityFilter(long hstsMaxAgeSeconds) {
    this.hstsValue = "max-age=" + hstsMaxAgeSeconds;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (!request.isSecure()) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader(HSTS, hstsValue);
    chain.doFilter(request, new SecureCookies(response));
  }

  static String secured(String setCookie) {
    return setCookie == null || SECURE.matcher(setCookie).find() ? setCookie
        : setCookie + "; Secure";
  }

  private static final class SecureCookies extends HttpServletResponseWrapper {

    SecureCookies(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addCookie(Cookie cookie) {
      cookie.setSecure(true);
      super.addCookie(cookie);
    }

    @Override
    public void addHeader(String name, String value) {
      super.addHeader(name, "Set-Cookie".equalsIgnoreCase(name) ? secured(value) : value);
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, "Set-Cookie".equalsIgnoreCase(name) ? secured(value) : value);
    }
  }
}
