package com.marketplace.disputes.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketplace.disputes.config.DisputePolicy;
import com.marketplace.disputes.policy.PolicyCatalogue;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The templates and both bundles, without the engine: every notice can be written in each language. */
class NoticeRendererTest {

  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static final DisputePolicy POLICY = new DisputePolicy();
  private final NoticeRenderer renderer =
      new NoticeRenderer(new NoticeProperties(null, null, null, null, null, null, null), POLICY,
          new PolicyCatalogue());

  @ParameterizedTest
  @EnumSource(Notice.class)
  void everyNoticeIsWrittenForEveryRoleInBothLanguages(Notice notice) {
    for (RecipientRole role : RecipientRole.values()) {
      for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
        RenderedNotice mail = renderer.render(context(notice, everyFact()),
            new Recipient("u1", role, "Uma", "u1@example.test", locale));

        assertThat(mail.subject()).contains("D-7").doesNotContain("{", "??");
        assertThat(mail.text()).contains("D-7", "ORD-7", "USB-C cable, 2 m")
            .doesNotContain("{", "}", "??");
        assertThat(mail.html()).contains("<html lang=\"" + locale.getLanguage() + "\"")
            .contains("D-7", "ORD-7").doesNotContain("??");
      }
    }
  }

  @Test
  void textsAreEscapedInHtmlAndKeptAsTheyAreInPlainText() {
    Map<Fact, Object> facts = new LinkedHashMap<>();
    facts.put(Fact.DECISION_RATIONALE, "Seller said <b>no</b> & left.");

    RenderedNotice mail = renderer.render(context(Notice.DECISION, facts),
        new Recipient("u1", RecipientRole.BUYER, "Uma", "u1@example.test", Locale.ENGLISH));

    assertThat(mail.html()).contains("Seller said &lt;b&gt;no&lt;/b&gt; &amp; left.")
        .doesNotContain("<b>no</b>");
    assertThat(mail.text()).contains("Seller said <b>no</b> & left.");
  }

  @Test
  void theDecisionNamesEachRuleWithItsTextInTheRecipientsLanguage() {
    Map<Fact, Object> facts = new LinkedHashMap<>();
    facts.put(Fact.PLATFORM_DECISION, "FULL_REFUND");
    facts.put(Fact.DECISION_RULES, List.of("DAMAGED_IN_TRANSIT", "INR_NO_DELIVERY_PROOF"));

    String english = renderer.render(context(Notice.DECISION, facts),
        new Recipient("b", RecipientRole.BUYER, "Bea", "b@example.test", Locale.ENGLISH)).text();
    String german = renderer.render(context(Notice.DECISION, facts),
        new Recipient("s", RecipientRole.SELLER, "Sven", "s@example.test", Locale.GERMAN)).text();

    // In the catalogue's order, whatever order the decision named them in.
    assertThat(english).containsSubsequence(
        "- Rule applied: Not received, no proof of delivery: The buyer says the item never arrived",
        "- Rule applied: Damaged in transit: Photos of the item and its packaging");
    assertThat(german).contains("- Angewandte Regel: Beim Versand beschädigt: Fotos des Artikels",
        "- Angewandte Regel: Nicht erhalten, kein Zustellnachweis:")
        .doesNotContain("Damaged in transit");
  }

  @Test
  void onlyWhoeverActsGetsTheTasklistLink() {
    NoticeContext opened = context(Notice.DISPUTE_OPENED, Map.of());

    String toSeller = renderer.render(opened,
        new Recipient("s", RecipientRole.SELLER, "Sven", "s@example.test", Locale.ENGLISH)).text();
    String toBuyer = renderer.render(opened,
        new Recipient("b", RecipientRole.BUYER, "Bea", "b@example.test", Locale.ENGLISH)).text();

    assertThat(toSeller).contains("/camunda/app/tasklist/default/#/?searchQuery=")
        .contains("%22value%22%3A%22D-7%22");
    assertThat(toBuyer).doesNotContain("tasklist");
  }

  @Test
  void englishAndGermanBundlesHaveTheSameKeys() throws IOException {
    assertThat(bundle("i18n/notices_de.properties").keySet())
        .containsExactlyInAnyOrderElementsOf(bundle("i18n/notices.properties").keySet());
  }

  @Test
  void everyContractCodeHasAText() throws IOException {
    Properties english = bundle("i18n/notices.properties");
    Map<String, List<String>> codes = Map.of(
        "reason", List.of("NOT_RECEIVED", "DAMAGED", "NOT_AS_DESCRIBED", "QUALITY_PROBLEM",
            "QUANTITY_PROBLEM"),
        "requestedResolution", List.of("FULL_REFUND", "PARTIAL_REFUND", "RETURN_AND_REFUND",
            "REPLACEMENT"),
        "sellerResponse", List.of("ACCEPT", "COUNTER_OFFER", "REJECT"),
        "escalationReason", List.of("SELLER_NO_RESPONSE", "BUYER_REQUESTED", "SELLER_REQUESTED"),
        "platformDecision", List.of("FULL_REFUND", "PARTIAL_REFUND", "RETURN_AND_REFUND",
            "REJECT_CLAIM", "REQUEST_EVIDENCE"),
        "resolution", List.of("FULL_REFUND", "PARTIAL_REFUND", "RETURN_AND_REFUND", "REPLACEMENT",
            "NONE"),
        "closureReason", List.of("INELIGIBLE", "CANCELLED_BY_BUYER", "AGREEMENT",
            "PLATFORM_DECISION", "BUYER_NO_RESPONSE"),
        "appealDecision", List.of("UPHOLD", "OVERTURN"));
    codes.forEach((variable, values) -> values.forEach(value ->
        assertThat(english).containsKey("code." + variable + "." + value)));
  }

  private static NoticeContext context(Notice notice, Map<Fact, Object> facts) {
    return new NoticeContext(notice, "D-7", "D-7", "process-1", "ORD-7", "USB-C cable, 2 m",
        new BigDecimal("49.90"), "USD", "b", "s", facts,
        notice.turn == null ? null : NOW.plusSeconds(5 * 86400L), null, null, NOW);
  }

  private static Map<Fact, Object> everyFact() {
    Map<Fact, Object> facts = new LinkedHashMap<>();
    for (Fact fact : Fact.values()) {
      facts.put(fact, switch (fact.kind) {
        case AMOUNT -> "12.50";
        case DATE -> "2026-12-04";
        case CODE -> "SOME_CODE";
        case TEXT -> "free text";
        case RULES -> List.of("INR_NO_DELIVERY_PROOF");
      });
    }
    facts.put(Fact.CLOSURE_REASON, "AGREEMENT");
    return facts;
  }

  private static Properties bundle(String path) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = new InputStreamReader(
        NoticeRendererTest.class.getClassLoader().getResourceAsStream(path),
        StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
