package com.marketplace.disputes.policy;

import static com.marketplace.disputes.support.DisputeDriver.appeal;
import static com.marketplace.disputes.support.DisputeDriver.claim;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.marketplace.disputes.evidence.Evidence;
import com.marketplace.disputes.evidence.EvidenceStore;
import com.marketplace.disputes.evidence.EvidenceType;
import com.marketplace.disputes.policy.DecisionBasis.Decided;
import com.marketplace.disputes.policy.DecisionBasis.ReliedOn;
import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.ProcessTest;
import com.marketplace.disputes.support.TestOrders;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * DecideDispute and ReviewAppeal name the policy rules they apply and the evidence they relied
 * on: catalogue ids and files of this dispute only, recorded with the decision in its
 * transaction, refused (the task staying open, nothing recorded) when they name anything else.
 */
@ProcessTest
class StructuredDecisionProcessTest {

  private static final String MEDIATOR = "mediatorR";
  private static final String SENIOR = "seniorR";
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};

  @Autowired ProcessEngine engine;
  @Autowired DisputeDriver driver;
  @Autowired TestOrders orders;
  @Autowired JdbcClient jdbc;
  @Autowired EvidenceStore store;
  @Autowired DecisionBasis basis;

  @BeforeEach
  void setUp() {
    init(engine);
  }

  /** A dispute the seller left unanswered, waiting for the mediator. */
  private ProcessInstance inMediation() {
    ProcessInstance pi = driver.start(claim(orders.eligible("buyer1", "seller1", "49.90"),
        "buyer1"));
    driver.fireTimer(pi.getId(), "SellerResponseDeadline");
    assertThat(pi).isWaitingAt("DecideDispute");
    return pi;
  }

  private String disputeId(ProcessInstance pi) {
    return (String) driver.variables(pi.getId()).get("disputeId");
  }

  /** A file uploaded by {@code userId} and attached to the dispute. */
  private Evidence attached(String disputeId, String userId, String fileName) {
    Evidence file = store.stage(userId, fileName, EvidenceType.PNG, PNG, "sha-" + fileName);
    store.attach(file.evidenceId(), disputeId, "BUYER");
    return file;
  }

  private static Map<String, Object> decision(String platformDecision, String rules,
      String evidenceIds) {
    Map<String, Object> vars = new HashMap<>(Map.of("platformDecision", platformDecision,
        "decisionRationale", "The photos and the carrier's answer decide it."));
    if (rules != null) {
      vars.put("decisionRules", rules);
    }
    if (evidenceIds != null) {
      vars.put("decisionEvidenceIds", evidenceIds);
    }
    return vars;
  }

  private long recorded(String decisionId) {
    return jdbc.sql("""
        select (select count(*) from decision_rule where decision_id = :id)
          + (select count(*) from decision_evidence where decision_id = :id)""")
        .param("id", decisionId).query(Long.class).single();
  }

  @Test
  void aDecisionWithRulesAndEvidenceIsRecordedForBothPartiesToRead() {
    ProcessInstance pi = inMediation();
    String disputeId = disputeId(pi);
    Evidence box = attached(disputeId, "buyer1", "crushed-box.png");
    Evidence label = attached(disputeId, "buyer1", "label.png");
    attached(disputeId, "buyer1", "not-relied-on.png");

    // As a Tasklist form sends it: a JSON array; ids as text separated by commas.
    driver.completeAs(pi.getId(), "DecideDispute", MEDIATOR, decision("FULL_REFUND",
        "[\"DAMAGED_IN_TRANSIT\", \"INR_NO_DELIVERY_PROOF\", \"DAMAGED_IN_TRANSIT\"]",
        label.evidenceId() + ", " + box.evidenceId()));

    assertThat(pi).isEnded();
    List<Decided> english = basis.ofDispute(disputeId, Locale.ENGLISH);
    Assertions.assertThat(english).singleElement().satisfies(decided -> {
      Assertions.assertThat(decided.decisionId()).isEqualTo(disputeId);
      Assertions.assertThat(decided.stage()).isEqualTo("DISPUTE");
      Assertions.assertThat(decided.decision()).isEqualTo("FULL_REFUND");
      // The catalogue's order, each rule once.
      Assertions.assertThat(decided.rules()).extracting(RuleText::id)
          .containsExactly("INR_NO_DELIVERY_PROOF", "DAMAGED_IN_TRANSIT");
      Assertions.assertThat(decided.rules().get(1).title()).isEqualTo("Damaged in transit");
      Assertions.assertThat(decided.evidence()).extracting(ReliedOn::fileName)
          .containsExactly("crushed-box.png", "label.png");
    });
    Assertions.assertThat(basis.ofDispute(disputeId, Locale.GERMAN).get(0).rules())
        .extracting(RuleText::title)
        .containsExactly("Nicht erhalten, kein Zustellnachweis", "Beim Versand beschädigt");
  }

  @Test
  void anUnknownRuleIsRefusedByNameAndNothingIsRecorded() {
    ProcessInstance pi = inMediation();
    String disputeId = disputeId(pi);

    assertThatThrownBy(() -> driver.completeAs(pi.getId(), "DecideDispute", MEDIATOR,
        decision("FULL_REFUND", "INR_NO_DELIVERY_PROOF,BECAUSE_I_SAY_SO,inr_no_delivery_proof",
            null)))
        .hasMessageContaining("decisionRules names rules the policy catalogue does not have: "
            + "BECAUSE_I_SAY_SO, inr_no_delivery_proof");

    assertThat(pi).isWaitingAt("DecideDispute");
    Assertions.assertThat(recorded(disputeId)).isZero();
    Assertions.assertThat(jdbc.sql("select decision from dispute where dispute_id = ?")
        .param(disputeId).query(String.class).optional()).isEmpty();
  }

  @Test
  void aFinalDecisionNamesARuleAnEvidenceRequestNeedNot() {
    ProcessInstance pi = inMediation();
    String disputeId = disputeId(pi);

    assertThatThrownBy(() -> driver.completeAs(pi.getId(), "DecideDispute", MEDIATOR,
        decision("REJECT_CLAIM", " ", null))).hasMessageContaining("decisionRules is required");
    Map<String, Object> ask = decision("REQUEST_EVIDENCE", null, null);
    ask.put("evidenceRequestedFrom", "SELLER");
    ask.put("evidenceRequest", "The carrier's proof of delivery, please.");
    driver.completeAs(pi.getId(), "DecideDispute", MEDIATOR, ask);

    assertThat(pi).isWaitingAt("ProvideEvidence");
    Assertions.assertThat(recorded(disputeId)).isZero();
  }

  @Test
  void evidenceOfAnotherDisputeOrNoneAtAllIsRefusedByItsId() {
    ProcessInstance mine = inMediation();
    ProcessInstance other = inMediation();
    String disputeId = disputeId(mine);
    Evidence own = attached(disputeId, "buyer1", "own.png");
    Evidence foreign = attached(disputeId(other), "buyer1", "someone-elses.png");
    Evidence staged = store.stage("buyer1", "never-attached.png", EvidenceType.PNG, PNG, "s");

    assertThatThrownBy(() -> driver.completeAs(mine.getId(), "DecideDispute", MEDIATOR,
        decision("FULL_REFUND", "INR_NO_DELIVERY_PROOF", "[" + own.evidenceId() + ", "
            + foreign.evidenceId() + ", " + staged.evidenceId() + ", 999999999]")))
        .hasMessageContaining("decisionEvidenceIds names " + foreign.evidenceId() + ", "
            + staged.evidenceId() + ", 999999999, which are not evidence of dispute " + disputeId)
        .hasMessageNotContaining("names " + own.evidenceId());
    assertThatThrownBy(() -> driver.completeAs(mine.getId(), "DecideDispute", MEDIATOR,
        decision("FULL_REFUND", "INR_NO_DELIVERY_PROOF", "12; drop table evidence")))
        .hasMessageContaining("decisionEvidenceIds must list evidence ids");
    assertThatThrownBy(() -> driver.completeAs(mine.getId(), "DecideDispute", MEDIATOR,
        decision("FULL_REFUND", "[{\"id\": \"INR_NO_DELIVERY_PROOF\"}]", null)))
        .hasMessageContaining("decisionRules must be a JSON array of ids");

    assertThat(mine).isWaitingAt("DecideDispute");
    Assertions.assertThat(recorded(disputeId)).isZero();
    Assertions.assertThat(basis.ofDispute(disputeId, Locale.ENGLISH)).isEmpty();
  }

  @Test
  void anAppealsReviewNamesItsOwnRulesAndEvidenceOfTheAppealedDispute() {
    ProcessInstance pi = inMediation();
    String disputeId = disputeId(pi);
    Evidence photo = attached(disputeId, "buyer1", "photo.png");
    driver.completeAs(pi.getId(), "DecideDispute", MEDIATOR,
        decision("REJECT_CLAIM", "CLAIM_UNSUPPORTED", ""));
    ProcessInstance ticket = driver.start("appealTicket", appeal(disputeId, "buyer1"));
    String appealId = (String) driver.variables(ticket.getId()).get("appealId");
    Evidence elsewhere = attached(disputeId(inMediation()), "buyer1", "elsewhere.png");
    Map<String, Object> overturn = new HashMap<>(Map.of("appealDecision", "OVERTURN",
        "appealRationale", "The new photo shows the damage.", "resolution", "FULL_REFUND"));

    overturn.put("decisionRules", "APPEAL_NEW_EVIDENCE,NO_SUCH_RULE");
    overturn.put("decisionEvidenceIds", String.valueOf(elsewhere.evidenceId()));
    assertThatThrownBy(() -> driver.completeAs(ticket.getId(), "ReviewAppeal", SENIOR, overturn))
        .hasMessageContaining("decisionRules names rules the policy catalogue does not have: "
            + "NO_SUCH_RULE")
        .hasMessageContaining("decisionEvidenceIds names " + elsewhere.evidenceId()
            + ", which is not evidence of dispute " + disputeId);
    overturn.remove("decisionRules");
    overturn.remove("decisionEvidenceIds");
    assertThatThrownBy(() -> driver.completeAs(ticket.getId(), "ReviewAppeal", SENIOR, overturn))
        .hasMessageContaining("decisionRules is required");
    assertThat(ticket).isWaitingAt("ReviewAppeal");
    Assertions.assertThat(recorded(appealId)).isZero();

    overturn.put("decisionRules", "[\"APPEAL_NEW_EVIDENCE\", \"DAMAGED_IN_TRANSIT\"]");
    overturn.put("decisionEvidenceIds", "[" + photo.evidenceId() + "]");
    driver.completeAs(ticket.getId(), "ReviewAppeal", SENIOR, overturn);

    List<Decided> decisions = basis.ofDispute(disputeId, Locale.ENGLISH);
    Assertions.assertThat(decisions).extracting(Decided::decisionId, Decided::stage,
        Decided::decision).containsExactly(Assertions.tuple(disputeId, "DISPUTE", "REJECT_CLAIM"),
        Assertions.tuple(appealId, "APPEAL", "OVERTURN"));
    Assertions.assertThat(decisions.get(0).rules()).extracting(RuleText::id)
        .containsExactly("CLAIM_UNSUPPORTED");
    Assertions.assertThat(decisions.get(0).evidence()).isEmpty();
    Assertions.assertThat(decisions.get(1).rules()).extracting(RuleText::id)
        .containsExactly("DAMAGED_IN_TRANSIT", "APPEAL_NEW_EVIDENCE");
    Assertions.assertThat(decisions.get(1).evidence()).extracting(ReliedOn::evidenceId)
        .containsExactly(photo.evidenceId());
  }
}
