package com.marketplace.disputes.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.marketplace.disputes.dispute.ProblemDetail;
import com.marketplace.disputes.dispute.Reason;
import com.marketplace.disputes.dispute.Resolution;
import com.marketplace.disputes.kernel.Party;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import com.marketplace.disputes.forms.LabelController;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The evidence checklist table, rule by rule, on the DMN engine alone. */
class EvidenceChecklistDecisionTest {

  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = EvidenceChecklistDecisionTest.class
        .getResourceAsStream("/processes/evidence-checklist.dmn")) {
      assertThat(dmn).as("processes/evidence-checklist.dmn on the classpath").isNotNull();
      decision = dmnEngine.parseDecision(EvidenceChecklist.DECISION_KEY, dmn);
    }
  }

  /** The (item, suppliedBy) rows the table collects for the claim, in the table's order. */
  private static List<Tuple> items(Reason reason, boolean received, ProblemDetail detail,
      Resolution resolution) {
    Map<String, Object> inputs =
        new ClaimFacts(reason, received, detail, resolution).inputs();
    return dmnEngine.evaluateDecisionTable(decision, inputs).getResultList().stream()
        .map(row -> tuple(row.get(EvidenceChecklist.ITEM), row.get(EvidenceChecklist.SUPPLIED_BY)))
        .toList();
  }

  private static Tuple item(ChecklistItem item, Party party) {
    return tuple(item.name(), party.name());
  }

  @Test
  void notReceivedAsksTheSellerForTrackingOrCarrierProof() {
    assertThat(items(Reason.NOT_RECEIVED, false, null, Resolution.FULL_REFUND))
        .containsExactly(item(ChecklistItem.TRACKING_OR_CARRIER_PROOF, Party.SELLER));
  }

  @Test
  void damagedAsksTheBuyerForPhotosOfItemAndPackagingAndTheSellerForWhatWasSent() {
    assertThat(items(Reason.DAMAGED, true, ProblemDetail.NO_PACKAGING, Resolution.RETURN_AND_REFUND))
        .containsExactly(item(ChecklistItem.PHOTOS_ITEM_AND_PACKAGING, Party.BUYER),
            item(ChecklistItem.CONDITION_AT_DISPATCH, Party.SELLER));
  }

  @Test
  void notAsDescribedAsksTheBuyerForPhotosBesideTheListing() {
    assertThat(items(Reason.NOT_AS_DESCRIBED, true, ProblemDetail.COLOR, Resolution.REPLACEMENT))
        .containsExactly(item(ChecklistItem.PHOTOS_BESIDE_LISTING, Party.BUYER),
            item(ChecklistItem.CONDITION_AT_DISPATCH, Party.SELLER));
  }

  @Test
  void aQualityProblemAsksForPhotosOfTheDefect() {
    assertThat(items(Reason.QUALITY_PROBLEM, true, ProblemDetail.RUSTED_FADED,
        Resolution.FULL_REFUND))
        .containsExactly(item(ChecklistItem.PHOTOS_OF_DEFECT, Party.BUYER),
            item(ChecklistItem.CONDITION_AT_DISPATCH, Party.SELLER));
  }

  @Test
  void aWrongQuantityAsksForPhotosOfTheParcelsContents() {
    assertThat(items(Reason.QUANTITY_PROBLEM, true, ProblemDetail.OTHER, Resolution.FULL_REFUND))
        .containsExactly(item(ChecklistItem.PHOTOS_OF_CONTENTS, Party.BUYER),
            item(ChecklistItem.CONDITION_AT_DISPATCH, Party.SELLER));
  }

  @Test
  void anItemThatDoesNotWorkAlsoAsksForAVideoOfTheFault() {
    assertThat(items(Reason.QUALITY_PROBLEM, true, ProblemDetail.DOES_NOT_WORK,
        Resolution.FULL_REFUND))
        .containsExactly(item(ChecklistItem.PHOTOS_OF_DEFECT, Party.BUYER),
            item(ChecklistItem.VIDEO_OF_FAULT, Party.BUYER),
            item(ChecklistItem.CONDITION_AT_DISPATCH, Party.SELLER));
  }

  @Test
  void aProblemDetailCountsOnlyForAnItemThatArrived() {
    assertThat(items(Reason.DAMAGED, false, ProblemDetail.DOES_NOT_WORK, Resolution.FULL_REFUND))
        .as("not received: no video of the fault, and nothing asked of what was sent")
        .containsExactly(item(ChecklistItem.PHOTOS_ITEM_AND_PACKAGING, Party.BUYER));
  }

  @Test
  void anItemThatNeverArrivedAsksNothingOfWhatWasSentEvenIfMarkedReceived() {
    assertThat(items(Reason.NOT_RECEIVED, true, ProblemDetail.OTHER, Resolution.FULL_REFUND))
        .containsExactly(item(ChecklistItem.TRACKING_OR_CARRIER_PROOF, Party.SELLER));
  }

  @Test
  void aPartialRefundAsksTheBuyerForTheAmountsBasis() {
    assertThat(items(Reason.NOT_RECEIVED, false, null, Resolution.PARTIAL_REFUND))
        .containsExactly(item(ChecklistItem.TRACKING_OR_CARRIER_PROOF, Party.SELLER),
            item(ChecklistItem.AMOUNT_BASIS, Party.BUYER));
    assertThat(items(Reason.DAMAGED, true, ProblemDetail.OTHER, Resolution.PARTIAL_REFUND))
        .containsExactly(item(ChecklistItem.PHOTOS_ITEM_AND_PACKAGING, Party.BUYER),
            item(ChecklistItem.CONDITION_AT_DISPATCH, Party.SELLER),
            item(ChecklistItem.AMOUNT_BASIS, Party.BUYER));
  }

  /** The table names only items the service knows, and every item is asked by some rule. */
  @Test
  void everyItemTheTableNamesIsACodeWithEvidenceTypesAndEveryCodeIsNamed() {
    DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision.getDecisionLogic();
    int itemColumn = table.getOutputs().stream().map(DmnDecisionTableOutputImpl::getOutputName)
        .toList().indexOf(EvidenceChecklist.ITEM);
    List<String> named = table.getRules().stream().map(DmnDecisionTableRuleImpl::getConclusions)
        .map(conclusions -> conclusions.get(itemColumn).getExpression().replace("\"", ""))
        .distinct().sorted().toList();
    assertThat(named).isEqualTo(Arrays.stream(ChecklistItem.values()).map(Enum::name).sorted()
        .toList());
    assertThat(ChecklistItem.values()).allSatisfy(item ->
        assertThat(item.satisfiedBy()).as(item.name()).isNotEmpty());
  }

  @Test
  void everyItemIsExplainedInEveryLanguage() {
    for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
      Map<String, String> words = LabelController.labels(locale);
      assertThat(ChecklistItem.values()).allSatisfy(item -> {
        assertThat(words.get("ChecklistItem." + item.name())).as(locale + " label").isNotBlank();
        assertThat(words.get("ChecklistHelp." + item.name())).as(locale + " help").isNotBlank();
      });
    }
  }
}
