package com.marketplace.disputes.forms;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The words for the service's codes, from the message bundle {@code i18n/labels}, for every
 * logged-in user (the login filter on /api refuses anyone else): the Tasklist forms and the
 * analytics dashboard read them here instead of keeping copies of their own. Keys are
 * {@code <Kind>.<CODE>}, the kind being the simple name of the code's type
 * ({@code Resolution.FULL_REFUND}).
 */
@RestController
public class LabelController {

  static final String BUNDLE = "i18n/labels";

  /** A language without a bundle of its own gets the default, English; never the JVM's locale. */
  private static final ResourceBundle.Control NO_JVM_LOCALE =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  /** {@code lang}: a language tag such as {@code de}; without it, the request's language. */
  @GetMapping("/api/labels")
  public Map<String, String> labels(@RequestParam(required = false) String lang, Locale requested) {
    return labels(lang == null || lang.isBlank() ? requested : Locale.forLanguageTag(lang));
  }

  public static Map<String, String> labels(Locale locale) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_JVM_LOCALE);
    Map<String, String> labels = new TreeMap<>();
    bundle.keySet().forEach(key -> labels.put(key, bundle.getString(key)));
    return labels;
  }
}
