package com.marketplace.disputes.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.marketplace.disputes.analytics.DayFacts.Bucket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Percentiles from 2 % buckets against percentile_cont over every value: exact while buckets
 * hold one or two durations, within 2 % when they hold thousands.
 */
class BucketedPercentilesTest {

  private static final double[] PERCENTILES = {0.1, 0.5, 0.9, 0.99};

  @Test
  void exactWhileEachBucketHoldsAtMostTwoDurations() {
    // Hours apart, and one pair of equal values: no bucket holds more than two.
    double[] seconds = {3_600, 10_800, 10_800, 86_400, 90_000, 259_200, 1_112_400, 1_641_600};
    for (double p : PERCENTILES) {
      assertThat(bucketed(seconds, p)).as("p%s", p).isEqualTo(exact(seconds, p));
    }
  }

  @Test
  void withinTwoPercentOverAYearOfDurations() {
    Random random = new Random(7);
    double[] seconds = new double[200_000];
    for (int i = 0; i < seconds.length; i++) {
      // Log-normal around two days, from minutes to months; whole seconds, as on H2.
      seconds[i] = Math.rint(Math.exp(Math.log(172_800) + 1.3 * random.nextGaussian()));
    }
    for (double p : PERCENTILES) {
      double truth = exact(seconds, p);
      assertThat(bucketed(seconds, p)).as("p%s", p).isCloseTo(truth, within(0.02 * truth));
    }
  }

  /** The buckets DayFacts.durations makes in SQL, merged as SettledDays merges days. */
  private static double bucketed(double[] seconds, double p) {
    TreeMap<Integer, Bucket> buckets = new TreeMap<>();
    for (double s : seconds) {
      int bucket = s < 1 ? -1 : (int) Math.floor(Math.log(s) / Math.log(DayFacts.BUCKET_GROWTH));
      buckets.merge(bucket, new Bucket(bucket, 1, s, s), Bucket::merge);
    }
    return AnalyticsQueries.percentile(new ArrayList<>(buckets.values()), seconds.length, p);
  }

  /** percentile_cont: interpolated between the two values around rank p * (n - 1). */
  private static double exact(double[] seconds, double p) {
    double[] sorted = seconds.clone();
    Arrays.sort(sorted);
    double rank = p * (sorted.length - 1);
    int below = (int) Math.floor(rank);
    double upper = below + 1 < sorted.length ? sorted[below + 1] : sorted[below];
    return sorted[below] + (rank - below) * (upper - sorted[below]);
  }

  @Test
  void aBucketSpreadsItsDurationsBetweenItsShortestAndLongest() {
    Bucket bucket = new Bucket(500, 5, 100, 108);
    assertThat(List.of(bucket.at(0), bucket.at(2), bucket.at(4))).containsExactly(100.0, 104.0,
        108.0);
  }
}
