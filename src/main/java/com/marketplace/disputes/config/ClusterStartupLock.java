package com.marketplace.disputes.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time set up the shared PostgreSQL database at start-up: from just before the
 * engine checks and creates its tables until the application is ready (the process application is
 * deployed, groups, grants, filters and the admin user are in place).
 *
 * <p>Each of these steps first looks and then writes. Two nodes starting together on an empty
 * database both find the engine tables missing and the second fails on "relation already exists";
 * later both may try to create the same group. A PostgreSQL advisory lock held on a connection of
 * its own serializes them; it is released when the application is ready, when start-up fails, or
 * by the database when the node dies. On H2 (one node only) it does nothing.
 */
@Component
public class ClusterStartupLock extends AbstractProcessEnginePlugin implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ClusterStartupLock.class);

  /** Any constant that no other code uses for an advisory lock on this database. */
  static final long LOCK_KEY = 0x6469737075746573L;

  private final Duration timeout;
  private Connection holder;

  public ClusterStartupLock(
      @Value("${disputes.cluster.startup-lock-timeout:PT10M}") Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if ("postgres".equals(configuration.getDatabaseType())) {
      acquire(configuration.getDataSource());
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onReady() {
    release();
  }

  @Override
  public void destroy() {
    release();
  }

  private synchronized void acquire(DataSource dataSource) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      Connection connection = dataSource.getConnection();
      connection.setAutoCommit(true);
      boolean waiting = false;
      while (!tryLock(connection)) {
        if (!waiting) {
          log.info("Another node is setting up the database; waiting for it to finish");
          waiting = true;
        }
        if (System.nanoTime() > deadline) {
          connection.close();
          throw new IllegalStateException("Another node held the start-up lock for longer than "
              + timeout + " (disputes.cluster.startup-lock-timeout)");
        }
        Thread.sleep(500);
      }
      holder = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the start-up lock", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the start-up lock", e);
    }
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
      lock.setLong(1, LOCK_KEY);
      try (ResultSet result = lock.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  private synchronized void release() {
    Connection connection = holder;
    if (connection == null) {
      return;
    }
    holder = null;
    try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
      unlock.setLong(1, LOCK_KEY);
      unlock.execute();
      connection.close();
    } catch (SQLException e) {
      // A pooled connection that still holds the lock must not go back to the pool: end it, and
      // the database lets go of the lock with the session.
      log.warn("Could not release the start-up lock; dropping its connection: {}", e.getMessage());
      try {
        connection.abort(Runnable::run);
      } catch (SQLException ignored) {
        // The session is gone either way.
      }
    }
  }
}
