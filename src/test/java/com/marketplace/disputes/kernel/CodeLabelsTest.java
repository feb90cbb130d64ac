package com.marketplace.disputes.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketplace.disputes.appeal.AppealDecision;
import com.marketplace.disputes.appeal.AppealRefusal;
import com.marketplace.disputes.appeal.AppealStatus;
import com.marketplace.disputes.checklist.ChecklistItem;
import com.marketplace.disputes.contact.ContactStatus;
import com.marketplace.disputes.dispute.BuyerDecision;
import com.marketplace.disputes.dispute.ClosureReason;
import com.marketplace.disputes.dispute.DisputeStatus;
import com.marketplace.disputes.dispute.EscalationReason;
import com.marketplace.disputes.dispute.IneligibilityReason;
import com.marketplace.disputes.dispute.OfferStatus;
import com.marketplace.disputes.dispute.PlatformDecision;
import com.marketplace.disputes.dispute.ProblemDetail;
import com.marketplace.disputes.dispute.Reason;
import com.marketplace.disputes.dispute.Resolution;
import com.marketplace.disputes.dispute.SellerResponse;
import com.marketplace.disputes.timeline.EventKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every domain code has a label in each language the service speaks: forms and dashboard show
 * the label, never the code. Keys are {@code <EnumSimpleName>.<CONSTANT>}.
 */
class CodeLabelsTest {

  static final List<Class<? extends Enum<?>>> CODES = List.of(Party.class, Reason.class,
      ProblemDetail.class, Resolution.class, SellerResponse.class, BuyerDecision.class,
      EscalationReason.class, PlatformDecision.class, ClosureReason.class,
      IneligibilityReason.class, AppealDecision.class, AppealRefusal.class, DisputeStatus.class,
      OfferStatus.class, ContactStatus.class, AppealStatus.class, ChecklistItem.class);

  @ParameterizedTest
  @ValueSource(strings = {"i18n/labels.properties", "i18n/labels_de.properties"})
  void everyCodeHasALabel(String bundle) throws IOException {
    Properties labels = load(bundle);
    List<String> missing = new ArrayList<>();
    for (Class<? extends Enum<?>> type : CODES) {
      for (Enum<?> code : type.getEnumConstants()) {
        String key = type.getSimpleName() + "." + code.name();
        String label = labels.getProperty(key);
        if (label == null || label.isBlank()) {
          missing.add(key);
        }
      }
    }
    assertThat(missing).as("codes without a label in " + bundle).isEmpty();
  }

  /** Timeline entries are labelled by their kind, under the key TimelineEvent.<KIND>. */
  @ParameterizedTest
  @ValueSource(strings = {"i18n/labels.properties", "i18n/labels_de.properties"})
  void everyKindOfTimelineEntryHasALabel(String bundle) throws IOException {
    Properties labels = load(bundle);
    assertThat(Arrays.stream(EventKind.values()).map(kind -> "TimelineEvent." + kind.name())
        .filter(key -> labels.getProperty(key, "").isBlank()).toList())
        .as("timeline entries without a label in " + bundle).isEmpty();
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = CodeLabelsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
