package com.marketplace.disputes.notification;

import com.marketplace.disputes.kernel.AppClock;
import com.marketplace.disputes.notification.NoticeQueue.Backlog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The outbox's backlog as gauges on {@code /actuator/prometheus}: notices due now, notices whose
 * last attempt failed, notices given up (waiting for an operator), and the age of the oldest
 * notice not sent yet, the figure to alert on (for instance above 15 minutes). Read from the
 * outbox at most once a second, however often they are scraped.
 */
@Component
class NoticeBacklogMetrics implements MeterBinder {

  private static final Duration TIME_TO_LIVE = Duration.ofSeconds(1);

  private final NoticeQueue queue;
  private Backlog backlog;
  private long readAt;

  NoticeBacklogMetrics(NoticeQueue queue) {
    this.queue = queue;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "disputes.notices.due", "Notices due to be sent now", b -> b.due());
    gauge(registry, "disputes.notices.failing",
        "Notices whose last attempt failed; they are tried again", b -> b.failing());
    gauge(registry, "disputes.notices.gave.up",
        "Notices no longer tried until an operator retries or drops them", b -> b.gaveUp());
    Gauge.builder("disputes.notices.oldest.unsent.age", this, metrics -> {
          Instant oldest = metrics.backlog().oldestUnsent();
          return oldest == null ? 0
              : Math.max(0, Duration.between(oldest, AppClock.now()).toMillis() / 1000.0);
        })
        .description("Age of the oldest notice not sent yet (0 when every notice is sent)")
        .baseUnit("seconds")
        .register(registry);
  }

  private void gauge(MeterRegistry registry, String name, String description,
      ToDoubleFunction<Backlog> value) {
    Gauge.builder(name, this, metrics -> value.applyAsDouble(metrics.backlog()))
        .description(description)
        .register(registry);
  }

  private synchronized Backlog backlog() {
    long now = System.nanoTime();
    if (backlog == null || now - readAt > TIME_TO_LIVE.toNanos()) {
      backlog = queue.backlog(AppClock.now());
      readAt = now;
    }
    return backlog;
  }
}
