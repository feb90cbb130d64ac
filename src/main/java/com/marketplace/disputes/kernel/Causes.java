package com.marketplace.disputes.kernel;

/** Exceptions the engine wraps: what a listener or delegate threw is somewhere in the causes. */
public final class Causes {

  private Causes() {}

  /** The first exception of the type in {@code exception}'s cause chain, itself included. */
  public static <T extends Throwable> T find(Throwable exception, Class<T> type) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }

  /** The exception and its causes on one line, for a log or a status column. */
  public static String describe(Throwable error) {
    StringBuilder text = new StringBuilder(error.toString());
    for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      text.append(" <- ").append(cause);
    }
    return text.toString();
  }
}
