package com.marketplace.disputes.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.context.support.ResourceBundleMessageSource;

class NoticeFormatTest {

  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  private final NoticeFormat english = format(Locale.ENGLISH);
  private final NoticeFormat german = format(Locale.GERMAN);

  @Test
  void amountsCarryTheCurrencyCodeAndTheLanguagesSeparators() {
    assertThat(english.amount(new BigDecimal("1249.9"), "USD")).isEqualTo("1,249.90 USD");
    assertThat(german.amount(new BigDecimal("1249.9"), "USD")).isEqualTo("1.249,90 USD");
    assertThat(english.amount(new BigDecimal("1500"), "JPY")).isEqualTo("1,500 JPY");
  }

  @Test
  void deadlinesAreWrittenWithDateTimeAndZone() {
    Instant deadline = Instant.parse("2026-12-05T10:00:00Z");

    assertThat(english.dateTime(deadline)).startsWith("December 5, 2026, 10:00").endsWith("(UTC)");
    assertThat(german.dateTime(deadline)).isEqualTo("5. Dezember 2026, 10:00 Uhr (UTC)");
  }

  @Test
  void timeLeftRoundsToDaysAndTurnsToHoursInTheLastTwoDays() {
    Instant fifteenDaysLessAMinute = NOW.plus(Duration.ofDays(15).minusMinutes(1));

    assertThat(english.timeLeft(fifteenDaysLessAMinute, NOW)).isEqualTo("15 days left");
    assertThat(english.timeLeft(NOW.plus(Duration.ofHours(47)), NOW)).isEqualTo("47 hours left");
    assertThat(english.timeLeft(NOW.plus(Duration.ofMinutes(20)), NOW))
        .isEqualTo("less than an hour left");
    assertThat(english.timeLeft(NOW.minus(Duration.ofHours(3)), NOW)).isEqualTo("overdue by 3 hours");
    assertThat(german.timeLeft(NOW.plus(Duration.ofDays(3)), NOW)).isEqualTo("noch 3 Tage");
    assertThat(german.timeLeft(NOW.minus(Duration.ofHours(1)), NOW)).isEqualTo("1 Stunde überfällig");
  }

  @Test
  void datesAreReadFromWhatVariablesHold() {
    assertThat(english.date("2026-12-04")).isEqualTo("December 4, 2026");
    assertThat(german.date("2026-12-04T09:30:00Z")).isEqualTo("4. Dezember 2026");
    assertThat(english.date(java.util.Date.from(Instant.parse("2026-12-04T23:30:00Z"))))
        .isEqualTo("December 4, 2026");
  }

  @Test
  void policyDurationsInWords() {
    assertThat(english.duration("P30D")).isEqualTo("30 days");
    assertThat(german.duration("PT36H")).isEqualTo("36 Stunden");
  }

  private static NoticeFormat format(Locale locale) {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("i18n/notices");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    messages.setAlwaysUseMessageFormat(true);
    return new NoticeFormat(locale, ZoneId.of("UTC"), new MessageSourceAccessor(messages, locale));
  }
}
