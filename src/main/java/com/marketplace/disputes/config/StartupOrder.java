package com.marketplace.disputes.config;

/**
 * The order of the start-up listeners (on Camunda's PostDeployEvent): groups and grants first,
 * then demo users, then demo orders, then anything that starts demo disputes.
 */
public final class StartupOrder {

  public static final int IDENTITY = 100;
  public static final int DEMO_USERS = 200;
  public static final int DEMO_ORDERS = 300;
  /** For listeners that start demo disputes: they need the users and the orders above. */
  public static final int DEMO_DISPUTES = 1000;

  private StartupOrder() {
  }
}
