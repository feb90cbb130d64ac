package com.marketplace.disputes.analytics;

import com.marketplace.disputes.kernel.AppClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The days a figure covers: from 00:00 UTC on {@code from} up to the end of {@code to}, both days
 * included. UTC so that a day means the same to every analyst and to both databases.
 */
public record AnalyticsPeriod(LocalDate from, LocalDate to) {

  /** Longer periods are refused: a year already holds tens of millions of disputes at scale. */
  public static final int MAX_DAYS = 366;
  static final int DEFAULT_DAYS = 30;

  public AnalyticsPeriod {
    if (from.isAfter(to)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must not be after to");
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "the period may cover at most " + MAX_DAYS + " days");
    }
  }

  /** The period asked for; a missing end is today, a missing start 30 days before the end. */
  public static AnalyticsPeriod of(LocalDate from, LocalDate to) {
    LocalDate end = to != null ? to : LocalDate.ofInstant(AppClock.now(), ZoneOffset.UTC);
    LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
    return new AnalyticsPeriod(start, end);
  }

  public OffsetDateTime start() {
    return from.atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  /** The first instant after the period. */
  public OffsetDateTime end() {
    return to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
  }
}
