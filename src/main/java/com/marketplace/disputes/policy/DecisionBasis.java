package com.marketplace.disputes.policy;

import com.marketplace.disputes.evidence.Evidence;
import com.marketplace.disputes.evidence.EvidenceStore;
import com.marketplace.disputes.kernel.AppClock;
import com.marketplace.disputes.kernel.TaskAnswers;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a decision rests on: the catalogue's rules it applies ({@code decisionRules}) and the
 * dispute's evidence it relied on ({@code decisionEvidenceIds}). The deciding task's listener
 * checks both with its other answers and records them in the completion's transaction (tables
 * decision_rule and decision_evidence); the dispute's view, the decision mail and analytics read
 * them here.
 */
@Repository
public class DecisionBasis {

  /** The answers' names on DecideDispute and ReviewAppeal. */
  public static final String DECISION_RULES = "decisionRules";
  public static final String DECISION_EVIDENCE_IDS = "decisionEvidenceIds";

  private final JdbcClient jdbc;
  private final PolicyCatalogue catalogue;
  private final EvidenceStore evidence;

  public DecisionBasis(JdbcClient jdbc, PolicyCatalogue catalogue, EvidenceStore evidence) {
    this.jdbc = jdbc;
    this.catalogue = catalogue;
    this.evidence = evidence;
  }

  /** The rules and evidence a decision names, checked. */
  public record Answer(List<String> rules, List<Long> evidenceIds) {}

  /**
   * Reads and checks the two answers into {@code answers}' errors: rules the catalogue has and
   * mediators may apply, at least one when {@code decides} (a request for evidence decides
   * nothing); evidence ids of files attached to {@code disputeId}, none of another dispute's.
   */
  public Answer read(TaskAnswers answers, String disputeId, boolean decides) {
    List<String> rules = answers.list(DECISION_RULES);
    List<String> unknown = rules.stream().filter(id -> !catalogue.applicable(id)).toList();
    if (!unknown.isEmpty()) {
      answers.error(DECISION_RULES, "names rules the policy catalogue does not have: "
          + String.join(", ", unknown));
    } else if (decides && rules.isEmpty()) {
      answers.error(DECISION_RULES, "is required: at least one rule of the policy catalogue "
          + "(GET /api/policy/rules) that the decision applies");
    }
    Set<Long> ids = new LinkedHashSet<>();
    List<String> notIds = new ArrayList<>();
    for (String id : answers.list(DECISION_EVIDENCE_IDS)) {
      if (id.matches("\\d{1,18}")) {
        ids.add(Long.parseLong(id));
      } else {
        notIds.add(id);
      }
    }
    if (!notIds.isEmpty()) {
      answers.error(DECISION_EVIDENCE_IDS, "must list evidence ids such as 12,13, not "
          + String.join(", ", notIds));
    }
    Set<Long> foreign = new LinkedHashSet<>(ids);
    evidence.findAll(ids).stream().filter(file -> disputeId.equals(file.disputeId()))
        .forEach(file -> foreign.remove(file.evidenceId()));
    if (!foreign.isEmpty()) {
      answers.error(DECISION_EVIDENCE_IDS, "names " + foreign.stream().map(String::valueOf)
          .collect(Collectors.joining(", ")) + ", which " + (foreign.size() == 1 ? "is" : "are")
          + " not evidence of dispute " + disputeId);
    }
    return new Answer(rules, List.copyOf(ids));
  }

  /**
   * Records a decision's basis: {@code decisionId} is the dispute id for the mediator's decision,
   * the appeal id for the senior mediator's. A decision made again replaces what was recorded.
   */
  public void record(String decisionId, String disputeId, String decision, Answer answer) {
    jdbc.sql("delete from decision_rule where decision_id = :id").param("id", decisionId).update();
    jdbc.sql("delete from decision_evidence where decision_id = :id").param("id", decisionId)
        .update();
    Timestamp now = Timestamp.from(AppClock.now());
    for (String rule : answer.rules()) {
      jdbc.sql("""
          insert into decision_rule (decision_id, dispute_id, rule_id, decision, decided_at)
          values (:id, :dispute, :rule, :decision, :now)""")
          .param("id", decisionId).param("dispute", disputeId).param("rule", rule)
          .param("decision", decision).param("now", now).update();
    }
    for (Long id : answer.evidenceIds()) {
      jdbc.sql("""
          insert into decision_evidence (decision_id, dispute_id, evidence_id)
          values (:id, :dispute, :evidence)""")
          .param("id", decisionId).param("dispute", disputeId).param("evidence", id).update();
    }
  }

  /** The rule ids a decision applied, in the catalogue's order. */
  public List<String> rules(String decisionId) {
    List<String> ids = jdbc.sql("select rule_id from decision_rule where decision_id = :id")
        .param("id", decisionId).query(String.class).list();
    return catalogue.texts(ids, Locale.ROOT).stream().map(RuleText::id).toList();
  }

  /**
   * Every decision of the dispute with what it rests on, the mediator's first, then the appeal's:
   * the rules worded in {@code locale}, the evidence with its file names.
   */
  public List<Decided> ofDispute(String disputeId, Locale locale) {
    Map<String, Decided> decisions = new LinkedHashMap<>();
    jdbc.sql("""
        select decision_id, decision, decided_at, rule_id from decision_rule
        where dispute_id = :id order by decided_at, decision_id""")
        .param("id", disputeId).query(RuleRow.class).list()
        .forEach(row -> decisions.computeIfAbsent(row.decisionId(), id -> new Decided(id,
            id.equals(disputeId) ? "DISPUTE" : "APPEAL", row.decision(), row.decidedAt(),
            new ArrayList<>(), new ArrayList<>())).ruleIds().add(row.ruleId()));
    Map<Long, Evidence> files = new LinkedHashMap<>();
    evidence.forDispute(disputeId).forEach(file -> files.put(file.evidenceId(), file));
    jdbc.sql("""
        select decision_id, evidence_id from decision_evidence where dispute_id = :id
        order by evidence_id""")
        .param("id", disputeId)
        .query((rs, i) -> {
          Decided decided = decisions.get(rs.getString(1));
          Evidence file = files.get(rs.getLong(2));
          if (decided != null && file != null) {
            decided.evidence().add(new ReliedOn(file.evidenceId(), file.fileName(),
                file.uploaderRole()));
          }
          return null;
        })
        .list();
    return decisions.values().stream().map(d -> d.worded(catalogue, locale)).toList();
  }

  /**
   * One decision as the parties read it.
   *
   * @param decisionId the dispute id (the mediator's decision) or the appeal id
   * @param stage DISPUTE or APPEAL
   * @param decision what was decided: a platformDecision, or UPHOLD / OVERTURN
   */
  public record Decided(String decisionId, String stage, String decision, OffsetDateTime decidedAt,
      List<String> ruleIds, List<ReliedOn> evidence, List<RuleText> rules) {

    Decided(String decisionId, String stage, String decision, OffsetDateTime decidedAt,
        List<String> ruleIds, List<ReliedOn> evidence) {
      this(decisionId, stage, decision, decidedAt, ruleIds, evidence, List.of());
    }

    Decided worded(PolicyCatalogue catalogue, Locale locale) {
      return new Decided(decisionId, stage, decision, decidedAt, List.copyOf(ruleIds),
          List.copyOf(evidence), catalogue.texts(ruleIds, locale));
    }
  }

  private record RuleRow(String decisionId, String decision, OffsetDateTime decidedAt,
      String ruleId) {}

  /** A file the decision relied on. */
  public record ReliedOn(long evidenceId, String fileName, String uploaderRole) {}
}
