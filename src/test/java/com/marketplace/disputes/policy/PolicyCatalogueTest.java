package com.marketplace.disputes.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.marketplace.disputes.policy.PolicyCatalogue.Rule;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The catalogue as shipped: every rule readable by both parties, in English and in German. */
class PolicyCatalogueTest {

  private final PolicyCatalogue catalogue = new PolicyCatalogue();

  @Test
  void everyRuleHasATitleAndATextInEnglishAndInGerman() {
    assertThat(catalogue.all()).hasSizeBetween(8, 16);
    assertThat(catalogue.version()).isPositive();
    Set<String> titles = new HashSet<>();
    for (Rule rule : catalogue.all()) {
      RuleText english = rule.in(Locale.ENGLISH);
      RuleText german = rule.in(Locale.GERMAN);
      assertThat(english.title()).as(rule.id()).isNotBlank();
      assertThat(english.text()).as(rule.id()).hasSizeGreaterThan(40);
      assertThat(german.title()).as(rule.id()).isNotBlank();
      assertThat(german.text()).as(rule.id()).hasSizeGreaterThan(40);
      // Translated, not copied: a German text equal to the English one is a missing translation.
      assertThat(german.title()).as(rule.id()).isNotEqualTo(english.title());
      assertThat(german.text()).as(rule.id()).isNotEqualTo(english.text());
      assertThat(titles.add(english.title()) && titles.add(german.title()))
          .as("titles tell the rules apart: %s", rule.id()).isTrue();
    }
  }

  @Test
  void anyOtherLanguageReadsTheEnglishWords() {
    assertThat(catalogue.current(Locale.FRENCH)).isEqualTo(catalogue.current(Locale.ENGLISH));
    assertThat(catalogue.current(Locale.forLanguageTag("de-AT")))
        .isEqualTo(catalogue.current(Locale.GERMAN));
  }

  @Test
  void aRecordedIdTheCatalogueNoLongerHasIsShownAsItIs() {
    assertThat(catalogue.texts(List.of("SELLER_UNRESPONSIVE", "WITHDRAWN_LONG_AGO"),
        Locale.GERMAN)).extracting(RuleText::id, RuleText::title).containsExactly(
            tuple("SELLER_UNRESPONSIVE",
                "Verkäufer hat nicht rechtzeitig geantwortet"),
            tuple("WITHDRAWN_LONG_AGO", "WITHDRAWN_LONG_AGO"));
    assertThat(catalogue.applicable("WITHDRAWN_LONG_AGO")).isFalse();
    assertThat(catalogue.applicable("SELLER_UNRESPONSIVE")).isTrue();
  }

  @Test
  void aCatalogueWithARuleInOneLanguageOnlyIsRefused() {
    assertThatThrownBy(() -> new PolicyCatalogue(
        new ClassPathResource("policy/rules-without-german.yaml")))
        .hasMessageContaining("rule HALF_RULE has no de title or text");
  }
}
