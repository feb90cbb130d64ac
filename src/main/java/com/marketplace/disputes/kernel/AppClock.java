package com.marketplace.disputes.kernel;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock: the engine's, so that tests which move the engine's clock (to fire a
 * timer) move the service's own timestamps and deadlines with it.
 */
public final class AppClock {

  private AppClock() {}

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
