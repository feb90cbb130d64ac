package com.marketplace.disputes.benchmark;

import java.util.concurrent.Callable;
import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * A lifecycle round in a flight recording, when the benchmark runs with one: when it ran, which
 * flavor, and what it counted. Ours and the baseline run in the same JVM one after the other, so
 * {@link CpuProfile} needs these to take only our rounds' samples and to divide them by those
 * rounds' own write transactions. Without a recording the event costs nothing.
 */
@Name(RoundEvent.NAME)
@Label("Benchmark lifecycle round")
@Category("Dispute benchmark")
final class RoundEvent extends Event {

  static final String NAME = "com.marketplace.disputes.benchmark.Round";

  @Label("Flavor")
  String flavor;

  @Label("Warm-up, not counted")
  boolean warmUp;

  @Label("Disputes")
  int disputes;

  @Label("Write transactions")
  long writeTransactions;

  /** Runs one round and records it. */
  static Lifecycles.Result recorded(boolean warmUp, Callable<Lifecycles.Result> round)
      throws Exception {
    RoundEvent event = new RoundEvent();
    event.begin();
    Lifecycles.Result result = round.call();
    event.end();
    event.flavor = result.flavor().name();
    event.warmUp = warmUp;
    event.disputes = result.disputes();
    event.writeTransactions = result.commits();
    event.commit();
    return result;
  }
}
