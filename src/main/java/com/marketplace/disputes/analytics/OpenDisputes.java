package com.marketplace.disputes.analytics;

import com.marketplace.disputes.analytics.AnalyticsQueries.OpenCount;
import com.marketplace.disputes.dispute.DisputeStatus;
import com.marketplace.disputes.kernel.AppClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The open disputes by status, counted at most once per time-to-live however often the
 * dashboard and the Prometheus gauges ask: with a million open disputes a count is not free.
 */
@Component
public class OpenDisputes {

  /** The statuses of an open dispute, in the order a dispute goes through them. */
  static final List<String> STATUSES = Stream.of(DisputeStatus.OPEN,
      DisputeStatus.AWAITING_SELLER, DisputeStatus.AWAITING_BUYER, DisputeStatus.IN_MEDIATION,
      DisputeStatus.EVIDENCE_REQUESTED, DisputeStatus.RETURN_PENDING,
      DisputeStatus.RETURN_IN_TRANSIT).map(Enum::name).toList();
  /** Stands for any status a later step may add, so that the gauges still add up. */
  static final String OTHER = "OTHER";

  private static final Comparator<OpenCount> PIPELINE_ORDER = Comparator
      .comparingInt((OpenCount c) -> {
        int index = STATUSES.indexOf(c.status());
        return index < 0 ? STATUSES.size() : index;
      })
      .thenComparing(OpenCount::status)
      .thenComparing(OpenCount::awaiting);

  private final AnalyticsQueries queries;
  private final Duration timeToLive;
  private List<OpenCount> counts;
  private Instant countedAt;

  public OpenDisputes(AnalyticsQueries queries,
      @Value("${disputes.analytics.snapshot-ttl:PT5S}") Duration timeToLive) {
    this.queries = queries;
    this.timeToLive = timeToLive;
  }

  /** Open disputes by status and awaiting party, in pipeline order; at most time-to-live old. */
  public synchronized List<OpenCount> counts() {
    Instant now = Instant.now();
    if (counts == null || countedAt.plus(timeToLive).isBefore(now)) {
      counts = queries.openByStatus(AppClock.now().atOffset(ZoneOffset.UTC)).stream()
          .sorted(PIPELINE_ORDER).toList();
      countedAt = now;
    }
    return counts;
  }

  /** Open disputes in the status; {@link #OTHER} sums the statuses not in {@link #STATUSES}. */
  public long open(String status) {
    return sum(status, OpenCount::disputes);
  }

  public long overdue(String status) {
    return sum(status, OpenCount::overdue);
  }

  private long sum(String status, ToLongFunction<OpenCount> value) {
    return counts().stream()
        .filter(c -> OTHER.equals(status) ? !STATUSES.contains(c.status())
            : c.status().equals(status))
        .mapToLong(value).sum();
  }
}
