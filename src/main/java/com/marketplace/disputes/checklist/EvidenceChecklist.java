package com.marketplace.disputes.checklist;

import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import com.marketplace.disputes.evidence.Evidence;
import com.marketplace.disputes.evidence.EvidenceStore;
import com.marketplace.disputes.evidence.EvidenceType;
import com.marketplace.disputes.forms.LabelController;
import com.marketplace.disputes.kernel.EngineCalls;
import com.marketplace.disputes.kernel.Party;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What evidence a claim needs: the decision {@code evidenceChecklist} names the items and who
 * should supply each; for a dispute, each item is ticked when the party who should supply it has
 * attached a file of a kind that can show it. A tick says a fitting file is there, not what it
 * shows: the mediator still looks. The checklist informs and never refuses anything.
 */
@Component
public class EvidenceChecklist {

  public static final String DECISION_KEY = "evidenceChecklist";
  /** The decision's outputs. */
  static final String ITEM = "item";
  static final String SUPPLIED_BY = "suppliedBy";

  private final EngineCalls engineCalls;
  private final EvidenceStore evidence;

  public EvidenceChecklist(EngineCalls engineCalls, EvidenceStore evidence) {
    this.engineCalls = engineCalls;
    this.evidence = evidence;
  }

  /** An item the claim needs and who should supply it. */
  public record Requirement(ChecklistItem item, Party suppliedBy) {}

  /**
   * One item as people read it, in their language. {@code present}: a file of the supplier's
   * fits; {@code evidenceIds}: those files (none before the dispute exists).
   */
  public record Item(ChecklistItem item, String label, String explanation, Party suppliedBy,
      List<EvidenceType> evidenceTypes, List<String> mediaTypes, boolean present,
      List<Long> evidenceIds) {}

  /** The checklist of a claim; {@code disputeId} null while the dispute is being opened. */
  public record Checklist(String disputeId, ClaimFacts claim, List<Item> items) {}

  /** The decision's items for the claim, each once, in the table's order. */
  public List<Requirement> requirements(ClaimFacts claim) {
    Map<ChecklistItem, Requirement> items = new LinkedHashMap<>();
    for (Map<String, Object> row
        : engineCalls.evaluateDecisionRowsAsService(DECISION_KEY, claim.inputs())) {
      ChecklistItem item = ChecklistItem.valueOf((String) row.get(ITEM));
      items.putIfAbsent(item, new Requirement(item, Party.valueOf((String) row.get(SUPPLIED_BY))));
    }
    return List.copyOf(items.values());
  }

  /** The checklist for a claim being written: nothing is ticked yet. */
  public Checklist forClaim(ClaimFacts claim, Locale locale) {
    return new Checklist(null, claim, items(requirements(claim), List.of(), locale));
  }

  /** The dispute's checklist, ticked against the files attached to it. */
  public Checklist forDispute(DisputeRecord dispute, Locale locale) {
    ClaimFacts claim = ClaimFacts.of(dispute);
    return new Checklist(dispute.disputeId(), claim,
        items(requirements(claim), evidence.forDispute(dispute.disputeId()), locale));
  }

  private static List<Item> items(List<Requirement> requirements, List<Evidence> files,
      Locale locale) {
    Map<String, String> words = LabelController.labels(locale);
    return requirements.stream().map(r -> {
      List<Long> fitting = files.stream().filter(file -> fits(r, file))
          .map(Evidence::evidenceId).toList();
      List<EvidenceType> types = List.copyOf(r.item().satisfiedBy());
      return new Item(r.item(), words.get("ChecklistItem." + r.item().name()),
          words.get("ChecklistHelp." + r.item().name()), r.suppliedBy(), types,
          types.stream().map(EvidenceType::mediaType).toList(), !fitting.isEmpty(), fitting);
    }).toList();
  }

  /** Attached by the party who should supply the item, and of a kind that can show it. */
  static boolean fits(Requirement requirement, Evidence file) {
    return requirement.suppliedBy().name().equals(file.uploaderRole())
        && requirement.item().satisfiedBy().contains(file.type());
  }
}
