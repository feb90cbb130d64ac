package com.marketplace.disputes.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application node in a JVM of its own, on profile postgres, with its job executor on: what a
 * second machine behind the load balancer would be. Its log goes to target/cluster-nodes.
 */
public final class ClusterNode implements AutoCloseable {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "cluster-admin-password";

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;

  private ClusterNode(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /** What to start: the node's name and database, and properties on top of profile postgres. */
  public static final class Spec {
    private final String name;
    private final String jdbcUrl;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m",
        "-XX:+UseSerialGC"));
    private final List<String> sources = new ArrayList<>();

    public Spec(String name, String jdbcUrl) {
      this.name = name;
      this.jdbcUrl = jdbcUrl;
    }

    public Spec property(String key, Object value) {
      properties.put(key, String.valueOf(value));
      return this;
    }

    public Spec jvmOption(String option) {
      jvmOptions.add(option);
      return this;
    }

    /** Replaces the default JVM options (a small heap, the serial collector). */
    public Spec jvm(String... options) {
      jvmOptions.clear();
      jvmOptions.addAll(List.of(options));
      return this;
    }

    /** Adds a class of the test sources to the node's application, as {@link NodeExtras} is. */
    public Spec source(Class<?> source) {
      sources.add(source.getName());
      return this;
    }

    /** Starts the JVM; {@link #awaitReady} waits for it. */
    public ClusterNode start(Path logDirectory) {
      try {
        int port = freePort();
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (!sources.isEmpty()) {
          command.add("-D" + ClusterNodeMain.SOURCES + "=" + String.join(",", sources));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ClusterNodeMain.class.getName());
        command.add("--spring.profiles.active=postgres");
        command.add("--server.port=" + port);
        command.add("--disputes.cluster.node-name=" + name);
        command.add("--camunda.bpm.admin-user.id=" + ADMIN);
        command.add("--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD);
        // The embedded mail server, turned on as a production start must ask for it: one port each.
        command.add("--disputes.notices.embedded-smtp-enabled=true");
        command.add("--disputes.notices.embedded-smtp-port=0");
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().put("DISPUTES_DB_URL", jdbcUrl);
        builder.environment().put("DISPUTES_DB_USER", TestPostgres.USER);
        builder.environment().put("DISPUTES_DB_PASSWORD", TestPostgres.PASSWORD);
        return new ClusterNode(name, port, log, builder.start());
      } catch (IOException e) {
        throw new UncheckedIOException("node " + name + " did not start", e);
      }
    }
  }

  public String name() {
    return name;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until the node answers UP on its health endpoint. */
  public ClusterNode awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node " + name + " exited with " + process.exitValue()
            + " during start-up; see " + log);
      }
      if (isHealthy()) {
        return this;
      }
      sleep(Duration.ofMillis(500));
    }
    throw new IllegalStateException(
        "node " + name + " not ready after " + timeout + "; see " + log);
  }

  public boolean isHealthy() {
    try {
      return get("/actuator/health", null).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** Pulls the plug: SIGKILL, no shutdown hooks, open transactions die with the connections. */
  public void kill() {
    process.destroyForcibly();
    waitFor();
  }

  /** Shuts down as an orchestrator would (SIGTERM): the engine stops and reports its metrics. */
  public void stop() {
    process.destroy();
    waitFor();
  }

  private void waitFor() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }

  public HttpResponse<String> get(String path, String basicUser) throws IOException {
    return send(request(path, basicUser).GET().build());
  }

  public HttpResponse<String> postJson(String path, String json, String basicUser)
      throws IOException {
    return send(request(path, basicUser).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  public HttpResponse<String> post(String path) throws IOException {
    return send(request(path, null).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  public HttpRequest.Builder request(String path, String basicUser) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .timeout(Duration.ofSeconds(30));
    if (basicUser != null) {
      String credentials = basicUser + ":" + (ADMIN.equals(basicUser) ? ADMIN_PASSWORD : "");
      builder.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  public HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
