package com.marketplace.disputes.analytics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's own figures for Prometheus: its job and instance metrics (as the engine sums
 * them: what every instance has reported to the database plus what this one has not reported
 * yet) and the open incidents. Read at most once per time-to-live.
 */
@Component
public class EngineMetrics implements MeterBinder {

  /** Prometheus name (without _total) to the engine's metric, with a label where one helps. */
  private static final List<EngineCounter> COUNTERS = List.of(
      new EngineCounter("camunda.job.executions", "result", "successful", Metrics.JOB_SUCCESSFUL,
          "Jobs the job executor ran, by result"),
      new EngineCounter("camunda.job.executions", "result", "failed", Metrics.JOB_FAILED,
          "Jobs the job executor ran, by result"),
      new EngineCounter("camunda.job.executions", "result", "rejected",
          Metrics.JOB_EXECUTION_REJECTED, "Jobs the job executor ran, by result"),
      new EngineCounter("camunda.job.acquisitions", "result", "acquired",
          Metrics.JOB_ACQUIRED_SUCCESS, "Jobs acquired, or lost to another node"),
      new EngineCounter("camunda.job.acquisitions", "result", "lost",
          Metrics.JOB_ACQUIRED_FAILURE, "Jobs acquired, or lost to another node"),
      new EngineCounter("camunda.process.instances.started", null, null,
          Metrics.ROOT_PROCESS_INSTANCE_START, "Root process instances started"),
      new EngineCounter("camunda.activity.instances.started", null, null,
          Metrics.ACTIVTY_INSTANCE_START, "Activity instances started"),
      new EngineCounter("camunda.decision.elements.executed", null, null,
          Metrics.EXECUTED_DECISION_ELEMENTS, "Decision elements evaluated"));

  private static final List<String> INCIDENT_TYPES =
      List.of(Incident.FAILED_JOB_HANDLER_TYPE, Incident.EXTERNAL_TASK_HANDLER_TYPE);

  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final Duration timeToLive;
  private Map<String, Long> values;
  private Instant readAt;

  public EngineMetrics(ManagementService managementService, RuntimeService runtimeService,
      @Value("${disputes.analytics.snapshot-ttl:PT5S}") Duration timeToLive) {
    this.managementService = managementService;
    this.runtimeService = runtimeService;
    this.timeToLive = timeToLive;
  }

  private record EngineCounter(String name, String tag, String tagValue, String metric,
      String description) {}

  @Override
  public void bindTo(MeterRegistry registry) {
    for (EngineCounter counter : COUNTERS) {
      FunctionCounter.Builder<EngineMetrics> builder = FunctionCounter
          .builder(counter.name(), this, engine -> engine.value(counter.metric()))
          .description(counter.description());
      if (counter.tag() != null) {
        builder.tag(counter.tag(), counter.tagValue());
      }
      builder.register(registry);
    }
    for (String type : INCIDENT_TYPES) {
      Gauge.builder("camunda.incidents.open", this, engine -> engine.value("incidents:" + type))
          .description("Open incidents, by type")
          .tag("type", type)
          .register(registry);
    }
  }

  private synchronized long value(String key) {
    Instant now = Instant.now();
    if (values == null || readAt.plus(timeToLive).isBefore(now)) {
      Map<String, Long> read = new HashMap<>();
      COUNTERS.forEach(c -> read.put(c.metric(),
          managementService.createMetricsQuery().name(c.metric()).sum()));
      INCIDENT_TYPES.forEach(type -> read.put("incidents:" + type,
          runtimeService.createIncidentQuery().incidentType(type).count()));
      values = read;
      readAt = now;
    }
    return values.getOrDefault(key, 0L);
  }
}
