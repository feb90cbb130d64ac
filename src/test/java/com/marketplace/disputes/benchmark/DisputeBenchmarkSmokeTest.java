package com.marketplace.disputes.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's smoke run: a few lifecycles of each flavor and a small storm, so the benchmark
 * keeps working as the processes change. It asserts what happened, never how fast.
 */
class DisputeBenchmarkSmokeTest {

  @Test
  void smallRunCompletesEveryLifecycleAndEscalatesEachStormedDisputeOnce() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    DisputeBenchmark.Report report = DisputeBenchmark.run(new String[] {
        "--variants", "h2-mem:full", "--disputes", "9", "--rounds", "1", "--threads", "2",
        "--storm", "20", "--buyers", "4", "--sellers", "3", "--work", "target/benchmark-smoke"},
        new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(report.lifecycles().get("h2-mem, history full")).hasSize(2)
        .allSatisfy(result -> {
          assertThat(result.disputes()).isEqualTo(9);
          assertThat(result.commits()).isPositive();
          assertThat(result.writes()).isGreaterThan(result.commits());
          assertThat(result.reads()).isPositive();
        });
    assertThat(report.storm().exactlyOnce()).isTrue();
    assertThat(report.storm().escalationEvents()).isEqualTo(20);
    assertThat(report.openState()).hasSize(3).allSatisfy(timing -> assertThat(timing.rows())
        .isPositive());
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Ratio to the baseline",
        "Deadline storm", "Open state");
  }
}
