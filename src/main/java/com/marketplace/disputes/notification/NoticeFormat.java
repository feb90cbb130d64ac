package com.marketplace.disputes.notification;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Currency;
import java.util.Date;
import java.util.Locale;
import org.springframework.context.support.MessageSourceAccessor;

/** Writes amounts, dates and durations the way the recipient's language does. */
final class NoticeFormat {

  private final Locale locale;
  private final ZoneId zone;
  private final MessageSourceAccessor messages;

  NoticeFormat(Locale locale, ZoneId zone, MessageSourceAccessor messages) {
    this.locale = locale;
    this.zone = zone;
    this.messages = messages;
  }

  /** Amounts arrive as decimal strings (the contract's rule) or as numbers. */
  static BigDecimal decimal(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : new BigDecimal(text);
  }

  /** "49.90 USD" / "49,90 USD": the code, not a symbol, so that no currency is mistaken. */
  String amount(BigDecimal amount, String currency) {
    NumberFormat number = NumberFormat.getNumberInstance(locale);
    int digits = fractionDigits(currency);
    number.setMinimumFractionDigits(digits);
    number.setMaximumFractionDigits(digits);
    String text = number.format(amount);
    return currency == null ? text : text + " " + currency;
  }

  String dateTime(Instant instant) {
    ZonedDateTime at = instant.atZone(zone);
    return messages.getMessage("format.dateTime", new Object[] {
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(at),
        DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(at),
        zone.getId()});
  }

  String date(LocalDate date) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
  }

  /** Accepts what a variable may hold for a date: a date, an instant or their ISO text. */
  String date(Object value) {
    if (value instanceof LocalDate day) {
      return date(day);
    }
    if (value instanceof Date when) {
      return date(LocalDate.ofInstant(when.toInstant(), zone));
    }
    if (value instanceof Instant when) {
      return date(LocalDate.ofInstant(when, zone));
    }
    if (value instanceof TemporalAccessor temporal) {
      return date(LocalDate.from(temporal));
    }
    String text = value.toString().trim();
    try {
      return date(LocalDate.parse(text));
    } catch (DateTimeParseException notADay) {
      try {
        return date(LocalDate.ofInstant(OffsetDateTime.parse(text).toInstant(), zone));
      } catch (DateTimeParseException notAnInstant) {
        return text;
      }
    }
  }

  /** "15 days left", "37 hours left", "overdue by 3 hours". */
  String timeLeft(Instant deadline, Instant now) {
    Duration left = Duration.between(now, deadline);
    String span = span(left.abs());
    return left.isNegative()
        ? messages.getMessage("deadline.overdue", new Object[] {span})
        : messages.getMessage("deadline.left", new Object[] {span});
  }

  /** An ISO-8601 policy duration in words: "30 days", "36 hours". */
  String duration(String iso) {
    try {
      Period period = Period.parse(iso);
      if (period.getYears() == 0 && period.getMonths() == 0) {
        return messages.getMessage("duration.days", new Object[] {period.getDays()});
      }
    } catch (DateTimeParseException notAPeriod) {
      try {
        return messages.getMessage("duration.hours", new Object[] {Duration.parse(iso).toHours()});
      } catch (DateTimeParseException notADuration) {
        return iso;
      }
    }
    return iso;
  }

  /** Under two days in hours, so that "1 day" never hides that 47 hours are left. */
  private String span(Duration span) {
    long hours = span.toHours();
    if (hours < 48) {
      return messages.getMessage("duration.hours", new Object[] {hours});
    }
    long days = Math.round(span.toMinutes() / (24 * 60.0));
    return messages.getMessage("duration.days", new Object[] {days});
  }

  private static int fractionDigits(String currency) {
    if (currency == null) {
      return 2;
    }
    try {
      int digits = Currency.getInstance(currency).getDefaultFractionDigits();
      return digits < 0 ? 2 : digits;
    } catch (IllegalArgumentException unknownCurrency) {
      return 2;
    }
  }
}
