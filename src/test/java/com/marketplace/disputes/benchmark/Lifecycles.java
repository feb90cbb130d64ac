package com.marketplace.disputes.benchmark;

import com.marketplace.disputes.support.DisputeDriver;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Full dispute lifecycles driven through the engine API by several client threads, as buyers,
 * sellers, mediators and the clock would drive them, while the job executor runs every
 * asynchronous step (refunds through the payment provider) and the dispatcher sends the notices
 * the steps wrote. The same driver runs
 * the baseline: bare processes with the same user tasks, message, timer and asynchronous jobs in
 * the same order, but no delegates, listeners, forms or domain tables.
 */
final class Lifecycles {

  /** The engine API calls whose latency is reported. */
  /**
   * What a client waits for. NOTICE_SENT is not a call: it is how long after its step a notice
   * left for the SMTP server (outbox created_at to sent_at), ours only.
   */
  enum Call { START, COMPLETE_TASK, CORRELATE_MESSAGE, FIRE_TIMER, NOTICE_SENT }

  /** The three lifecycles of the mix, one after the other. */
  enum Path { AGREEMENT_AFTER_COUNTER_OFFER, SILENCE_ESCALATION_DECISION, RETURN_AND_REFUND }

  /** Our process or the bare baseline. */
  enum Flavor {
    DISPUTES("disputeMediation", "DisputeModified"),
    BASELINE("baseline", "BaselineModified");

    final String processKey;
    final String modifiedMessage;

    Flavor(String processKey, String modifiedMessage) {
      this.processKey = processKey;
      this.modifiedMessage = modifiedMessage;
    }

    String processKey(Path path) {
      return this == DISPUTES ? processKey : processKey + "-" + path.ordinal();
    }
  }

  /** What one run measured. */
  record Result(Flavor flavor, int disputes, double seconds, long commits, long writes,
      long reads, Map<Call, List<Long>> latencies, int retries) {

    double disputesPerSecond() {
      return disputes / seconds;
    }

    /** The shares of one run on several nodes, side by side for {@code seconds} in all. */
    static Result combined(Flavor flavor, double seconds, List<Result> shares) {
      Map<Call, List<Long>> latencies = new EnumMap<>(Call.class);
      for (Call call : Call.values()) {
        latencies.put(call, new ArrayList<>());
        shares.forEach(share -> latencies.get(call).addAll(share.latencies().get(call)));
      }
      return new Result(flavor, shares.stream().mapToInt(Result::disputes).sum(), seconds,
          shares.stream().mapToLong(Result::commits).sum(),
          shares.stream().mapToLong(Result::writes).sum(),
          shares.stream().mapToLong(Result::reads).sum(), latencies,
          shares.stream().mapToInt(Result::retries).sum());
    }
  }

  /**
   * Drives lifecycles {@code first} to {@code first + count - 1} on one node, with its own client
   * threads: this JVM's node, or another node's JVM asked over HTTP ({@link BenchmarkWorker}).
   */
  interface Share {
    Result drive(Flavor flavor, int first, int count, int threads) throws Exception;
  }

  private final ProcessEngine engine;
  private final BenchmarkNode.SqlCounting sql;
  private final Population population;
  private final EngineSignals signals;

  Lifecycles(ProcessEngine engine, BenchmarkNode.SqlCounting sql, EngineSignals signals,
      Population population) {
    this.engine = engine;
    this.sql = sql;
    this.signals = signals;
    this.population = population;
  }

  /** Deploys the baseline's three bare processes (not part of the application). */
  static void deployBaseline(ProcessEngine engine) {
    var deployment = engine.getRepositoryService().createDeployment().name("benchmark-baseline")
        .enableDuplicateFiltering(true);
    for (Path path : Path.values()) {
      deployment.addModelInstance(Flavor.BASELINE.processKey(path) + ".bpmn", baseline(path));
    }
    deployment.deploy();
  }

  /**
   * The bare process of one lifecycle: a plain task wherever ours writes a notice (in the step's
   * transaction, as ours does), one with an asynchronous continuation wherever ours has one (the
   * payment), a user task wherever ours waits for a person, the same boundary
   * message and timer.
   */
  static BpmnModelInstance baseline(Path path) {
    var process = Bpmn.createExecutableProcess(Flavor.BASELINE.processKey(path))
        .camundaHistoryTimeToLive(1).startEvent()
        .manualTask("Opened");
    return switch (path) {
      case AGREEMENT_AFTER_COUNTER_OFFER -> process.userTask("RespondToDispute")
          .boundaryEvent("Modified").cancelActivity(false).message("BaselineModified")
          .manualTask("ModifiedNotice").endEvent("ModifiedDone")
          .moveToActivity("RespondToDispute")
          .manualTask("RespondedNotice")
          .userTask("ReviewSellerResponse")
          .manualTask("Refund").camundaAsyncBefore()
          .manualTask("RefundNotice")
          .manualTask("ClosedNotice").endEvent("Closed").done();
      case SILENCE_ESCALATION_DECISION -> process.userTask("RespondToDispute")
          .boundaryEvent("SellerResponseDeadline").timerWithDuration("P15D")
          .manualTask("EscalationNotice")
          .userTask("DecideDispute")
          .manualTask("DecisionNotice")
          .manualTask("Refund").camundaAsyncBefore()
          .manualTask("RefundNotice")
          .manualTask("ClosedNotice").endEvent("Closed")
          .moveToActivity("RespondToDispute").endEvent("Answered").done();
      case RETURN_AND_REFUND -> process.userTask("RespondToDispute")
          .manualTask("ReturnNotice")
          .userTask("ShipReturn")
          .userTask("ConfirmReturnReceived")
          .manualTask("Refund").camundaAsyncBefore()
          .manualTask("RefundNotice")
          .manualTask("ClosedNotice").endEvent("Closed").done();
    };
  }

  /**
   * Drives {@code count} lifecycles of the mix with {@code threads} client threads in all, split
   * evenly between this node and {@code otherNodes}: each node's clients call their own node, as
   * a load balancer would spread the callers, so that each job executor is woken by the jobs its
   * own node's calls create. Throughput is over the time until the last share is done.
   */
  Result run(Flavor flavor, int count, int threads, List<Share> otherNodes) throws Exception {
    int firstOrder = population.orders(count);
    if (otherNodes.isEmpty()) {
      return drive(flavor, firstOrder, count, threads);
    }
    int nodes = otherNodes.size() + 1;
    List<CompletableFuture<Result>> others = new ArrayList<>();
    long start = System.nanoTime();
    for (int n = 1; n < nodes; n++) {
      Share share = otherNodes.get(n - 1);
      int first = firstOrder + count * n / nodes;
      int size = count * (n + 1) / nodes - count * n / nodes;
      int clients = Math.max(1, threads / nodes);
      others.add(CompletableFuture.supplyAsync(() -> {
        try {
          return share.drive(flavor, first, size, clients);
        } catch (Exception e) {
          throw new CompletionException(e);
        }
      }));
    }
    List<Result> shares = new ArrayList<>();
    shares.add(drive(flavor, firstOrder, count / nodes, Math.max(1, threads / nodes)));
    for (CompletableFuture<Result> other : others) {
      shares.add(other.join());
    }
    return Result.combined(flavor, (System.nanoTime() - start) / 1e9, shares);
  }

  /** Drives lifecycles {@code first} to {@code first + count - 1} on this node. */
  Result drive(Flavor flavor, int firstOrder, int count, int threads) throws Exception {
    Map<Call, List<Long>> latencies = new EnumMap<>(Call.class);
    for (Call call : Call.values()) {
      latencies.put(call, Collections.synchronizedList(new ArrayList<>()));
    }
    AtomicInteger retries = new AtomicInteger();
    long commitsBefore = sql.commits();
    long writesBefore = sql.writes();
    long readsBefore = sql.reads();
    signals.listen(true);
    OffsetDateTime roundStart = OffsetDateTime.now(ZoneOffset.UTC);
    long start = System.nanoTime();
    try {
      inParallel(threads, count, () -> new Client(flavor, latencies, retries),
          (client, i) -> client.lifecycle(Path.values()[i % Path.values().length],
              firstOrder + i));
    } finally {
      signals.listen(false);
    }
    if (flavor == Flavor.DISPUTES) {
      // A lifecycle is done when its notices have left too: the dispatcher sends them after the
      // steps, so the round waits for the outbox to be empty and counts that time.
      latencies.get(Call.NOTICE_SENT).addAll(awaitNoticesSent(roundStart));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(flavor, count, seconds, sql.commits() - commitsBefore,
        sql.writes() - writesBefore, sql.reads() - readsBefore, latencies, retries.get());
  }

  /**
   * Waits until no notice is left to send; returns, for each notice written since
   * {@code since}, how long after its step it was sent, in nanoseconds.
   */
  private List<Long> awaitNoticesSent(OffsetDateTime since) throws InterruptedException {
    JdbcTemplate jdbc = new JdbcTemplate(((ProcessEngineConfigurationImpl)
        engine.getProcessEngineConfiguration()).getDataSource());
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (jdbc.queryForObject("select count(*) from notice_outbox"
        + " where status in ('PENDING', 'FAILED')", Long.class) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("notices still unsent after 10 minutes");
      }
      Thread.sleep(50);
    }
    return jdbc.query("select created_at, sent_at from notice_outbox"
            + " where created_at >= ? and sent_at is not null",
        (rs, i) -> Duration.between(rs.getObject(1, OffsetDateTime.class),
            rs.getObject(2, OffsetDateTime.class)).toNanos(), since);
  }

  /** One client thread: runs one lifecycle at a time, waiting for the engine like a person. */
  private final class Client {

    private final Flavor flavor;
    private final Map<Call, List<Long>> latencies;
    private final AtomicInteger retries;
    private final RuntimeService runtime = engine.getRuntimeService();
    private final TaskService tasks = engine.getTaskService();
    private final ManagementService management = engine.getManagementService();

    Client(Flavor flavor, Map<Call, List<Long>> latencies, AtomicInteger retries) {
      this.flavor = flavor;
      this.latencies = latencies;
      this.retries = retries;
    }

    void lifecycle(Path path, int number) {
      String buyer = population.buyer(number);
      Map<String, Object> claim = DisputeDriver.claim(Population.orderId(number), buyer);
      if (path == Path.RETURN_AND_REFUND) {
        claim.put("requestedResolution", "RETURN_AND_REFUND");
      }
      ProcessInstance instance = start(path, claim, number);
      String key = instance.getBusinessKey();
      switch (path) {
        case AGREEMENT_AFTER_COUNTER_OFFER -> {
          String respond = await(key, "RespondToDispute");
          timed(Call.CORRELATE_MESSAGE, () -> runtime
              .createMessageCorrelation(flavor.modifiedMessage).processInstanceBusinessKey(key)
              .setVariable("description", "Added: the box was crushed, photos to follow.")
              .correlate());
          // The seller answers once told of the change (the notice job has run).
          String notice = flavor == Flavor.DISPUTES ? "NotifyClaimModified" : "ModifiedNotice";
          signals.await(EngineSignals.stepKey(instance.getId(), notice),
              () -> engine.getHistoryService().createHistoricActivityInstanceQuery()
                  .processInstanceId(instance.getId()).activityId(notice).finished().count() > 0
                  ? "" : null);
          Map<String, Object> offer = Map.of("sellerResponse", "COUNTER_OFFER",
              "offerResolution", "PARTIAL_REFUND", "offerAmount", "20.00");
          if (flavor == Flavor.DISPUTES) {
            // The change opened the seller's task again (ClaimChangedForSeller): the new one.
            complete(key, "RespondToDispute", offer);
          } else {
            completeTask(respond, offer);
          }
          complete(key, "ReviewSellerResponse", Map.of("buyerDecision", "ACCEPT_OFFER"));
        }
        case SILENCE_ESCALATION_DECISION -> {
          await(key, "RespondToDispute");
          Job deadline = management.createJobQuery().processInstanceId(instance.getId())
              .activityId("SellerResponseDeadline").singleResult();
          timed(Call.FIRE_TIMER, () -> management.executeJob(deadline.getId()));
          complete(key, "DecideDispute", Map.of("platformDecision", "PARTIAL_REFUND",
              "decisionRules", "MINOR_DEFECT_PARTIAL",
              "decisionAmount", "15.50", "decisionRationale", "Late delivery, partly refunded."));
        }
        case RETURN_AND_REFUND -> {
          complete(key, "RespondToDispute", Map.of("sellerResponse", "ACCEPT"));
          complete(key, "ShipReturn", Map.of("returnTrackingNumber", "RT" + (100000000 + number)));
          complete(key, "ConfirmReturnReceived", Map.of());
        }
      }
      signals.await(EngineSignals.endKey(key),
          () -> runtime.createProcessInstanceQuery().processInstanceId(instance.getId())
              .count() == 0 ? instance.getId() : null);
    }

    private ProcessInstance start(Path path, Map<String, Object> claim, int number) {
      long begin = System.nanoTime();
      ProcessInstance instance = flavor == Flavor.DISPUTES
          ? runtime.startProcessInstanceByKey(flavor.processKey(path), claim)
          : runtime.startProcessInstanceByKey(flavor.processKey(path), "B-" + number,
              new HashMap<>(claim));
      latencies.get(Call.START).add(System.nanoTime() - begin);
      if (instance.getBusinessKey() == null) {
        throw new IllegalStateException("dispute refused: " + claim);
      }
      return instance;
    }

    private void complete(String businessKey, String taskKey, Map<String, Object> variables) {
      completeTask(await(businessKey, taskKey), variables);
    }

    private void completeTask(String taskId, Map<String, Object> variables) {
      timed(Call.COMPLETE_TASK, () -> tasks.complete(taskId, variables));
    }

    /**
     * Waits for the task as a push-updated Tasklist would show it. A task found by the query
     * before its own signal arrived leaves that signal behind; when the step opens the task again
     * (a claim change), the old signal must not be taken for the new task.
     */
    private String await(String businessKey, String taskKey) {
      while (true) {
        String taskId = signals.await(EngineSignals.taskKey(businessKey, taskKey), () -> {
          Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
              .taskDefinitionKey(taskKey).singleResult();
          return task == null ? null : task.getId();
        });
        if (tasks.createTaskQuery().taskId(taskId).count() > 0) {
          return taskId;
        }
      }
    }

    /**
     * Times one API call. A call that meets a job working on the same instance at that moment
     * fails with an optimistic locking conflict and changes nothing; Tasklist shows the error and
     * the person submits again, so the client does the same (and the retries are counted).
     */
    private void timed(Call call, Runnable action) {
      for (int attempt = 1; ; attempt++) {
        long begin = System.nanoTime();
        try {
          action.run();
          latencies.get(call).add(System.nanoTime() - begin);
          return;
        } catch (OptimisticLockingException e) {
          if (attempt == 10) {
            throw e;
          }
          retries.incrementAndGet();
          sleep(attempt * 5L);
        }
      }
    }
  }

  /**
   * Runs {@code work} for 0 to {@code count - 1} on {@code threads} threads, each with a state of
   * its own from {@code perThread}, the numbers taken in order as threads come free.
   */
  static <T> void inParallel(int threads, int count, Supplier<T> perThread,
      ObjIntConsumer<T> work) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          T state = perThread.get();
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            work.accept(state, i);
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
