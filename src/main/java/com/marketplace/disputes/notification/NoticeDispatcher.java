package com.marketplace.disputes.notification;

import com.marketplace.disputes.kernel.AppClock;
import com.marketplace.disputes.kernel.Causes;
import com.marketplace.disputes.notification.NoticeProperties.Dispatch;
import com.marketplace.disputes.notification.NoticeQueue.Due;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the notices the steps wrote to the outbox: each sender thread takes a batch of due
 * notices under a lease, sends them one after another on its kept SMTP connection, and marks the
 * accepted ones SENT in one statement.
 *
 * <p>A failed attempt backs off that notice alone (doubling from {@code first-retry} up to
 * {@code max-retry-delay}) and ends the batch: the rest are given back untried, so that a server
 * that is down costs one attempt, not a batch of time-outs. After {@code max-attempts} a notice
 * waits for an operator (GAVE_UP), who retries or drops it in the outbox viewer; the gauges of
 * {@link NoticeBacklogMetrics} show it meanwhile.
 */
@Component
class NoticeDispatcher implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(NoticeDispatcher.class);

  private final NoticeQueue queue;
  private final NoticeMailer mailer;
  private final Dispatch settings;
  private final String node;
  private final List<Thread> senders = new ArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private volatile boolean running;

  NoticeDispatcher(NoticeQueue queue, NoticeMailer mailer, NoticeProperties properties,
      @Value("${disputes.cluster.node-name:}") String nodeName) {
    this.queue = queue;
    this.mailer = mailer;
    this.settings = properties.dispatch();
    this.node = nodeName.isBlank() ? "node-" + UUID.randomUUID() : nodeName.trim();
  }

  /** What one batch came to. */
  record Batch(int taken, int sent, int failed) {}

  /**
   * Sends every notice due now, batch after batch, on the calling thread; returns how many were
   * sent. Safe beside the sender threads and other nodes: each notice is taken once.
   */
  public int sendDue() {
    int sent = 0;
    Batch batch;
    do {
      batch = sendBatch();
      sent += batch.sent();
    } while (batch.taken() > 0 && batch.failed() == 0);
    return sent;
  }

  /** Takes one batch of due notices and sends it. */
  Batch sendBatch() {
    String owner = node + ":" + UUID.randomUUID();
    Instant now = AppClock.now();
    List<Due> batch = queue.take(owner, settings.batchSize(), now, settings.lease());
    List<String> sent = new ArrayList<>(batch.size());
    int failed = 0;
    try {
      for (int i = 0; i < batch.size(); i++) {
        Due due = batch.get(i);
        try {
          mailer.send(due);
          sent.add(due.key());
        } catch (RuntimeException e) {
          failed++;
          int attempts = due.attempts() + 1;
          Instant next = attempts >= settings.maxAttempts() ? null
              : AppClock.now().plus(backoff(attempts));
          queue.markFailed(owner, due.key(), Causes.describe(e), AppClock.now(), next);
          LOG.warn("Notice {} not sent (attempt {}), {}: {}", due.key(), attempts,
              next == null ? "given up until an operator retries it" : "next attempt at " + next,
              e.toString());
          queue.release(owner, batch.subList(i + 1, batch.size()).stream().map(Due::key).toList());
          break;
        }
      }
    } finally {
      queue.markSent(owner, sent, AppClock.now());
    }
    return new Batch(batch.size(), sent.size(), failed);
  }

  /** The wait after the given number of failed attempts. */
  Duration backoff(int attempts) {
    Duration delay = settings.firstRetry();
    for (int i = 1; i < attempts && delay.compareTo(settings.maxRetryDelay()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : delay;
  }

  private void run() {
    while (running) {
      Batch batch;
      try {
        batch = sendBatch();
      } catch (RuntimeException | Error e) {
        // The database is away, say: try again after the poll interval, as after an empty batch.
        // A sender that stopped here would leave every later notice unsent, so it never does.
        LOG.warn("Notice dispatch failed", e);
        batch = new Batch(0, 0, 1);
      }
      if (batch.taken() < settings.batchSize() || batch.failed() > 0) {
        pause(settings.pollInterval());
      }
    }
  }

  private void pause(Duration interval) {
    lock.lock();
    try {
      if (running) {
        wake.await(interval.toNanos(), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void start() {
    if (!settings.enabled() || running) {
      return;
    }
    running = true;
    for (int i = 0; i < settings.threads(); i++) {
      Thread sender = new Thread(this::run, "notice-sender-" + (i + 1));
      sender.setDaemon(true);
      senders.add(sender);
      sender.start();
    }
    LOG.info("Notice dispatcher started: {} sender(s), batches of {}", settings.threads(),
        settings.batchSize());
  }

  @Override
  public void stop() {
    running = false;
    lock.lock();
    try {
      wake.signalAll();
    } finally {
      lock.unlock();
    }
    for (Thread sender : senders) {
      try {
        sender.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    senders.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Starts after the engine and the mail server, stops before them. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }
}
