package com.marketplace.disputes.identity;

import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The language a person is written to in: their user info {@code locale} when the service speaks
 * it, else {@code disputes.notices.default-locale}. Notices, refusals and answers of the API pick
 * it the same way.
 */
@Component
public class UserLanguage {

  public static final String LOCALE_INFO_KEY = "locale";
  /** Languages the bundles {@code i18n/notices} and {@code i18n/labels} have texts for. */
  public static final Set<String> LANGUAGES = Set.of("en", "de");

  private final IdentityService identityService;
  private final Locale defaultLocale;

  public UserLanguage(IdentityService identityService,
      @Value("${disputes.notices.default-locale:en}") Locale defaultLocale) {
    this.identityService = identityService;
    this.defaultLocale = defaultLocale;
  }

  public Locale of(String userId) {
    String tag = userId == null ? null : identityService.getUserInfo(userId, LOCALE_INFO_KEY);
    if (tag != null && !tag.isBlank()) {
      Locale locale = Locale.forLanguageTag(tag.trim().replace('_', '-'));
      if (LANGUAGES.contains(locale.getLanguage())) {
        return locale;
      }
    }
    return defaultLocale;
  }
}
