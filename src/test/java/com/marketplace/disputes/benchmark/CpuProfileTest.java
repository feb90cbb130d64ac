package com.marketplace.disputes.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketplace.disputes.benchmark.CpuProfile.Component;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How CpuProfile charges a sample, on stacks written by hand (the sampled frame first). */
class CpuProfileTest {

  private static final String JDBC_TEMPLATE = "org.springframework.jdbc.core.JdbcTemplate.update";
  private static final String PROXY = "net.ttddyy.dsproxy.proxy.PreparedStatementProxyLogic.invoke";
  private static final String H2 = "org.h2.command.dml.Insert.insertRows";
  private static final String FLUSH = "org.camunda.bpm.engine.impl.db.sql.DbSqlSession.flush";
  private static final String JOB = "org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobHelper"
      + ".executeJob";
  private static final String CLIENT = "com.marketplace.disputes.benchmark.Lifecycles$Client"
      + ".lifecycle";

  @Test
  void databaseTimeGoesToWhoeverRanTheStatement() {
    assertThat(CpuProfile.classify(List.of(H2, PROXY, JDBC_TEMPLATE,
        "com.marketplace.disputes.timeline.Timeline.record",
        "org.camunda.bpm.engine.impl.bpmn.behavior.ServiceTaskJavaDelegateActivityBehavior"
            + ".execute", JOB)))
        .isEqualTo(Component.OURS);
    assertThat(CpuProfile.classify(List.of(H2, PROXY, "org.apache.ibatis.executor"
        + ".BatchExecutor.doFlushStatements", FLUSH, JOB)))
        .isEqualTo(Component.ENGINE);
    assertThat(CpuProfile.classify(List.of(H2, "org.h2.mvstore.MVStore.commit",
        "java.lang.Thread.run")))
        .isEqualTo(Component.DRIVER);
  }

  @Test
  void theBenchmarkIsChargedOnlyForItsOwnCode() {
    // A client thread's call into the engine is the engine's, though the client sits below it.
    assertThat(CpuProfile.classify(List.of(H2, PROXY, FLUSH,
        "org.camunda.bpm.engine.impl.TaskServiceImpl.complete", CLIENT)))
        .isEqualTo(Component.ENGINE);
    // The proxy's own bookkeeping, and the counter it calls, are the benchmark's, even under a
    // feature that would otherwise take the whole stack.
    assertThat(CpuProfile.classify(List.of("net.ttddyy.dsproxy.QueryInfo.<init>", PROXY,
        "com.marketplace.disputes.notification.NoticeContextLoader.load")))
        .isEqualTo(Component.BENCHMARK);
    assertThat(CpuProfile.classify(List.of("java.util.concurrent.atomic.LongAdder.add",
        "com.marketplace.disputes.benchmark.BenchmarkNode$SqlCounting$1.lambda$0", PROXY,
        FLUSH)))
        .isEqualTo(Component.BENCHMARK);
    assertThat(CpuProfile.classify(List.of("java.util.HashMap.put",
        "com.marketplace.disputes.support.DisputeDriver.completeTask", CLIENT)))
        .isEqualTo(Component.BENCHMARK);
    // So are the queries its clients run while they wait, but not the commands they drive.
    assertThat(CpuProfile.classify(List.of(H2,
        "org.camunda.bpm.engine.impl.persistence.entity.ExecutionManager"
            + ".findProcessInstanceCountByQueryCriteria",
        "org.camunda.bpm.engine.impl.ExecutionQueryImpl.executeCount",
        "org.camunda.bpm.engine.impl.AbstractQuery.count",
        "com.marketplace.disputes.benchmark.EngineSignals.await", CLIENT)))
        .isEqualTo(Component.BENCHMARK);
    assertThat(CpuProfile.classify(List.of(H2, FLUSH,
        "org.camunda.bpm.engine.impl.interceptor.CommandContext.close",
        "org.camunda.bpm.engine.impl.RuntimeServiceImpl.startProcessInstanceByKey", CLIENT)))
        .isEqualTo(Component.ENGINE);
  }

  @Test
  void featuresTakeEverythingBelowThemInTheirOrder() {
    assertThat(CpuProfile.classify(List.of(H2, PROXY, JDBC_TEMPLATE,
        "com.marketplace.disputes.notification.NoticeContextLoader.load",
        "com.marketplace.disputes.notification.NoticeRenderer.render",
        "com.marketplace.disputes.notification.NoticeDispatcher.sendDue")))
        .isEqualTo(Component.RENDERING);
    assertThat(CpuProfile.classify(List.of("org.thymeleaf.engine.TemplateManager.process",
        "com.marketplace.disputes.notification.NoticeDispatcher.sendDue")))
        .isEqualTo(Component.RENDERING);
    assertThat(CpuProfile.classify(List.of("java.net.SocketOutputStream.write",
        "org.eclipse.angus.mail.smtp.SMTPTransport.sendMessage",
        "com.marketplace.disputes.notification.NoticeMailer.send",
        "com.marketplace.disputes.notification.NoticeRenderer$Cache.get")))
        .isEqualTo(Component.SMTP);
    assertThat(CpuProfile.classify(List.of("com.icegreen.greenmail.smtp.SmtpHandler.run",
        "java.lang.Thread.run")))
        .isEqualTo(Component.SMTP);
    // A grant written through the engine by our code is authorization, with the H2 under it.
    assertThat(CpuProfile.classify(List.of(H2, "org.camunda.bpm.engine.impl.persistence.entity"
            + ".AuthorizationManager.insert",
        "org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd.execute",
        "com.marketplace.disputes.identity.DisputeAccess.grant")))
        .isEqualTo(Component.AUTHORIZATION);
    assertThat(CpuProfile.classify(List.of("java.util.HashMap.put",
        "org.camunda.bpm.engine.impl.history.producer.DefaultHistoryEventProducer"
            + ".createActivityInstanceEndEvt",
        "org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker.checkReadTask")))
        .isEqualTo(Component.AUTHORIZATION);
    assertThat(CpuProfile.classify(List.of("java.util.HashMap.put",
        "org.camunda.bpm.engine.impl.history.producer.DefaultHistoryEventProducer"
            + ".createActivityInstanceEndEvt", JOB)))
        .isEqualTo(Component.HISTORY);
    assertThat(CpuProfile.classify(List.of(H2, "org.camunda.bpm.engine.impl.persistence.entity"
        + ".HistoricProcessInstanceManager.findHistoricProcessInstanceIds", JOB)))
        .isEqualTo(Component.HISTORY);
  }

  @Test
  void classesAreMatchedWholeNotByTheStartOfTheirName() {
    assertThat(CpuProfile.classify(List.of(
        "com.marketplace.disputes.notification.NoticeFormatting.apply")))
        .isEqualTo(Component.OURS);
    assertThat(CpuProfile.classify(List.of(
        "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManagerX.run")))
        .isEqualTo(Component.ENGINE);
  }

  @Test
  void theNearestOwnerTellsOursEngineAndTheEventBridgeApart() {
    assertThat(CpuProfile.classify(List.of(
        "org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity.setValue",
        "org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope.setVariable",
        "com.marketplace.disputes.dispute.RecordDecisionDelegate.execute", JOB)))
        .isEqualTo(Component.ENGINE);
    assertThat(CpuProfile.classify(List.of("java.lang.String.equals",
        "com.marketplace.disputes.dispute.RecordDecisionDelegate.execute", JOB)))
        .isEqualTo(Component.OURS);
    assertThat(CpuProfile.classify(List.of(
        "org.springframework.context.event.SimpleApplicationEventMulticaster.multicastEvent",
        "org.camunda.bpm.spring.boot.starter.event.PublishDelegateParseListener.lambda$new$0",
        JOB)))
        .isEqualTo(Component.EVENT_BRIDGE);
    assertThat(CpuProfile.classify(List.of("java.util.HashMap.get",
        "com.marketplace.disputes.benchmark.EngineSignals.onTask",
        "org.camunda.bpm.spring.boot.starter.event.PublishDelegateParseListener.lambda$new$0",
        JOB)))
        .isEqualTo(Component.BENCHMARK);
    assertThat(CpuProfile.classify(List.of("java.lang.Thread.run")))
        .isEqualTo(Component.OTHER);
  }

  @Test
  void ourCommandInterceptorsOnlyPassCommandsOn() {
    List<String> engineUnderTheGate = List.of(H2, FLUSH,
        "org.camunda.bpm.engine.impl.interceptor.CommandContextInterceptor.execute",
        "com.marketplace.disputes.security.EngineGate$Gate.execute",
        "org.camunda.bpm.engine.impl.interceptor.LogInterceptor.execute",
        "org.camunda.bpm.engine.impl.TaskServiceImpl.complete",
        "com.marketplace.disputes.identity.SomeController.complete");
    assertThat(CpuProfile.classify(engineUnderTheGate)).isEqualTo(Component.ENGINE);
    assertThat(CpuProfile.nearestOurs(engineUnderTheGate))
        .isEqualTo("com.marketplace.disputes.identity.SomeController.complete");
    assertThat(CpuProfile.classify(List.of("java.util.HashMap.get",
        "com.marketplace.disputes.security.EngineGate.judge",
        "com.marketplace.disputes.security.EngineGate$Gate.execute")))
        .isEqualTo(Component.OURS);
  }

  @Test
  void theFrameOfOursNearestTheSampleIsNamedLeavingTheBenchmarkOut() {
    assertThat(CpuProfile.nearestOurs(List.of(H2, JDBC_TEMPLATE,
        "com.marketplace.disputes.timeline.Timeline.record",
        "com.marketplace.disputes.dispute.OpenDisputeDelegate.execute", JOB)))
        .isEqualTo("com.marketplace.disputes.timeline.Timeline.record");
    assertThat(CpuProfile.nearestOurs(List.of(H2, FLUSH, CLIENT))).isNull();
  }

  @Test
  void readsTheSettingsDurations() {
    assertThat(CpuProfile.parseDuration("10 ms")).isEqualTo(Duration.ofMillis(10));
    assertThat(CpuProfile.parseDuration("1 s")).isEqualTo(Duration.ofSeconds(1));
    assertThat(CpuProfile.parseDuration("500 us")).isEqualTo(Duration.ofNanos(500_000));
  }

  @Test
  void aRoundIsRecordedWithWhatCpuProfileReads(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("round.jfr");
    try (Recording recording = new Recording()) {
      recording.enable(RoundEvent.NAME);
      recording.start();
      RoundEvent.recorded(false, () -> new Lifecycles.Result(Lifecycles.Flavor.DISPUTES, 3, 0.5,
          87, 900, 400, Map.of(), 0));
      recording.stop();
      recording.dump(file);
    }
    assertThat(Files.size(file)).isPositive();
    List<RecordedEvent> rounds = RecordingFile.readAllEvents(file).stream()
        .filter(e -> e.getEventType().getName().equals(RoundEvent.NAME)).toList();
    assertThat(rounds).hasSize(1);
    assertThat(rounds.get(0).getString("flavor")).isEqualTo("DISPUTES");
    assertThat(rounds.get(0).getBoolean("warmUp")).isFalse();
    assertThat(rounds.get(0).getInt("disputes")).isEqualTo(3);
    assertThat(rounds.get(0).getLong("writeTransactions")).isEqualTo(87);
  }
}
