package com.marketplace.disputes.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every label exists in every language, so a German reader never meets an English word. */
class LabelBundlesTest {

  @Test
  void everyLanguageHasEveryLabel() {
    Map<String, String> english = LabelController.labels(Locale.ENGLISH);
    Map<String, String> german = LabelController.labels(Locale.GERMAN);
    assertThat(german.keySet()).isEqualTo(english.keySet());
    assertThat(english).containsEntry("Resolution.FULL_REFUND", "Full refund");
    assertThat(german).containsEntry("Party.SELLER", "Verkäufer");
    assertThat(english.keySet()).allMatch(key -> key.matches("[A-Z][A-Za-z]+\\.[A-Z][A-Z_]*"),
        "keys are <Kind>.<CODE>");
  }

  @Test
  void aLanguageWithoutItsOwnBundleGetsEnglishWhateverTheMachinesLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMAN);
      assertThat(LabelController.labels(Locale.FRENCH)).containsEntry("Party.BUYER", "Buyer");
    } finally {
      Locale.setDefault(before);
    }
  }
}
