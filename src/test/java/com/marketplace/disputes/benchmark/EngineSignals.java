package com.marketplace.disputes.benchmark;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the benchmark's clients, once the engine's transaction has committed, that a task is
 * there, that a notice step is done or that a dispute ended, from the engine's Spring event bridge
 * (on by default in the application). The clients wait here instead of polling the database, so
 * their own queries do not add to the load being measured.
 */
final class EngineSignals {

  /** Steps a client waits for: the notice that tells the seller of a modified claim. */
  private static final Set<String> AWAITED_STEPS = Set.of("NotifyClaimModified", "ModifiedNotice");

  private final ConcurrentHashMap<String, CompletableFuture<String>> signals =
      new ConcurrentHashMap<>();
  private volatile boolean listening;

  void listen(boolean on) {
    listening = on;
    if (!on) {
      signals.clear();
    }
  }

  static String taskKey(String businessKey, String taskDefinitionKey) {
    return businessKey + "/" + taskDefinitionKey;
  }

  static String stepKey(String processInstanceId, String activityId) {
    return processInstanceId + "/" + activityId + "/done";
  }

  static String endKey(String businessKey) {
    return businessKey + "/end";
  }

  /**
   * Waits for the signal; returns its value (a task id, a process instance id). Every 100 ms
   * without one it asks {@code lookup} (a query) instead: on several nodes the step may have run
   * on another node, whose events this node never sees.
   */
  String await(String key, Supplier<String> lookup) {
    CompletableFuture<String> signal = signals.computeIfAbsent(key, k -> new CompletableFuture<>());
    long deadline = System.nanoTime() + 120_000_000_000L;
    try {
      while (true) {
        try {
          return signal.get(100, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          String found = lookup.get();
          if (found != null) {
            return found;
          }
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("no signal " + key + " within 120 s", e);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      signals.remove(key);
    }
  }

  @EventListener
  public void onTask(DelegateTask task) {
    if (listening && TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      String key = taskKey(task.getExecution().getProcessBusinessKey(),
          task.getTaskDefinitionKey());
      afterCommit(key, task.getId());
    }
  }

  @EventListener
  public void onHistory(HistoryEvent event) {
    if (!listening || !"end".equals(event.getEventType())) {
      return;
    }
    if (event instanceof HistoricProcessInstanceEventEntity instance
        && instance.getSuperProcessInstanceId() == null && instance.getBusinessKey() != null) {
      afterCommit(endKey(instance.getBusinessKey()), instance.getProcessInstanceId());
    } else if (event instanceof HistoricActivityInstanceEventEntity activity
        && AWAITED_STEPS.contains(activity.getActivityId())) {
      afterCommit(stepKey(activity.getProcessInstanceId(), activity.getActivityId()), "");
    }
  }

  private void afterCommit(String key, String value) {
    Runnable signal = () -> signals.computeIfAbsent(key, k -> new CompletableFuture<>())
        .complete(value);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          signal.run();
        }
      });
    } else {
      signal.run();
    }
  }
}
