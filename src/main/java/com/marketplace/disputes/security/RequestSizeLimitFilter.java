package com.marketplace.disputes.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@code disputes.http.max-request-size} with 413, on every
 * route. The engine REST API and the webapps' engine API parse multipart bodies themselves (a
 * binary variable, a deployment), reading every byte into memory, and neither Tomcat's form size
 * nor Spring's multipart limits apply there. A declared Content-Length over the limit is refused
 * before anything is read; a body without one (chunked) is counted as it is read, and the request
 * fails once the count passes the limit. Whatever the application tried to answer then is
 * dropped: the caller gets 413.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

  private final long maxBytes;

  RequestSizeLimitFilter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      refuse(response);
      return;
    }
    AtomicBoolean exceeded = new AtomicBoolean();
    LimitedRequest limited = new LimitedRequest(request, maxBytes, exceeded);
    GuardedResponse guarded = new GuardedResponse(response, exceeded);
    try {
      chain.doFilter(limited, guarded);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!exceeded.get()) {
        throw e;
      }
    }
    if (exceeded.get() && !response.isCommitted()) {
      response.reset();
      refuse(response);
    }
  }

  private void refuse(HttpServletResponse response) throws IOException {
    response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
        "The request body is larger than " + maxBytes + " bytes.");
  }

  /** Thrown to whoever reads past the limit. */
  static final class TooLargeException extends IOException {
    TooLargeException(long maxBytes) {
      super("request body larger than " + maxBytes + " bytes");
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {

    private final long maxBytes;
    private final AtomicBoolean exceeded;
    private ServletInputStream stream;
    private BufferedReader reader;

    LimitedRequest(HttpServletRequest request, long maxBytes, AtomicBoolean exceeded) {
      super(request);
      this.maxBytes = maxBytes;
      this.exceeded = exceeded;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingInputStream(super.getInputStream(), maxBytes, exceeded);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      if (reader == null) {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
        reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
      }
      return reader;
    }
  }

  private static final class CountingInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long maxBytes;
    private final AtomicBoolean exceeded;
    private long count;

    CountingInputStream(ServletInputStream in, long maxBytes, AtomicBoolean exceeded) {
      this.in = in;
      this.maxBytes = maxBytes;
      this.exceeded = exceeded;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int n) throws IOException {
      count += n;
      if (count > maxBytes) {
        exceeded.set(true);
        throw new TooLargeException(maxBytes);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }

  /** Once the limit is passed, nothing the application answers reaches the caller. */
  private static final class GuardedResponse extends HttpServletResponseWrapper {

    private final AtomicBoolean exceeded;
    private ServletOutputStream stream;
    private PrintWriter writer;

    GuardedResponse(HttpServletResponse response, AtomicBoolean exceeded) {
      super(response);
      this.exceeded = exceeded;
    }

    @Override
    public void setStatus(int status) {
      if (!exceeded.get()) {
        super.setStatus(status);
      }
    }

    @Override
    public void sendError(int status) throws IOException {
      if (!exceeded.get()) {
        super.sendError(status);
      }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (!exceeded.get()) {
        super.sendError(status, message);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!exceeded.get()) {
        super.flushBuffer();
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (stream == null) {
        ServletOutputStream out = super.getOutputStream();
        stream = new ServletOutputStream() {
          @Override
          public void write(int b) throws IOException {
            if (!exceeded.get()) {
              out.write(b);
            }
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            if (!exceeded.get()) {
              out.write(b, off, len);
            }
          }

          @Override
          public void flush() throws IOException {
            if (!exceeded.get()) {
              out.flush();
            }
          }

          @Override
          public boolean isReady() {
            return out.isReady();
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        // No buffer of its own: writes reach the container's writer at once, or nowhere.
        writer = new PrintWriter(super.getWriter()) {
          @Override
          public void write(int c) {
            if (!exceeded.get()) {
              super.write(c);
            }
          }

          @Override
          public void write(char[] chars, int off, int len) {
            if (!exceeded.get()) {
              super.write(chars, off, len);
            }
          }

          @Override
          public void write(String text, int off, int len) {
            if (!exceeded.get()) {
              super.write(text, off, len);
            }
          }

          @Override
          public void flush() {
            if (!exceeded.get()) {
              super.flush();
            }
          }
        };
      }
      return writer;
    }
  }
}
