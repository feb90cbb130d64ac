package com.marketplace.disputes.checklist;

import static com.marketplace.disputes.evidence.EvidenceType.GIF;
import static com.marketplace.disputes.evidence.EvidenceType.JPEG;
import static com.marketplace.disputes.evidence.EvidenceType.MP4;
import static com.marketplace.disputes.evidence.EvidenceType.PDF;
import static com.marketplace.disputes.evidence.EvidenceType.PNG;
import static com.marketplace.disputes.evidence.EvidenceType.WEBM;
import static com.marketplace.disputes.evidence.EvidenceType.WEBP;

import com.marketplace.disputes.evidence.EvidenceType;
import java.util.EnumSet;
import java.util.Set;

/**
 * An item of the evidence checklist: what the decision {@code evidenceChecklist} asks for
 * (variable {@code item}), and the kinds of file that can show it. A photo cannot be a carrier's
 * PDF receipt and a screenshot of tracking can: the types say what could answer the item, not
 * that a file does; the mediator still judges what each file shows. Labels
 * {@code ChecklistItem.<CODE>} and explanations {@code ChecklistHelp.<CODE>}.
 */
public enum ChecklistItem {

  TRACKING_OR_CARRIER_PROOF(EnumSet.of(PDF, JPEG, PNG, WEBP)),
  PHOTOS_ITEM_AND_PACKAGING(EnumSet.of(JPEG, PNG, WEBP, GIF, MP4, WEBM)),
  PHOTOS_BESIDE_LISTING(EnumSet.of(JPEG, PNG, WEBP, GIF, MP4, WEBM)),
  PHOTOS_OF_DEFECT(EnumSet.of(JPEG, PNG, WEBP, GIF, MP4, WEBM)),
  PHOTOS_OF_CONTENTS(EnumSet.of(JPEG, PNG, WEBP, GIF, MP4, WEBM)),
  VIDEO_OF_FAULT(EnumSet.of(MP4, WEBM)),
  CONDITION_AT_DISPATCH(EnumSet.of(JPEG, PNG, WEBP, GIF, MP4, WEBM, PDF)),
  AMOUNT_BASIS(EnumSet.of(PDF, JPEG, PNG, WEBP));

  private final Set<EvidenceType> satisfiedBy;

  ChecklistItem(Set<EvidenceType> satisfiedBy) {
    this.satisfiedBy = satisfiedBy;
  }

  /** The kinds of file that can answer this item. */
  public Set<EvidenceType> satisfiedBy() {
    return satisfiedBy;
  }
}
