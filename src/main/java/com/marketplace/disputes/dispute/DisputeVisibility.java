package com.marketplace.disputes.dispute;

import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import com.marketplace.disputes.kernel.ApiProblems.NotVisible;
import com.marketplace.disputes.kernel.Party;
import com.marketplace.disputes.kernel.Requester;
import com.marketplace.disputes.timeline.ActorRole;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who sees a dispute through the parties' API, and as whom: its buyer and seller, and staff.
 * Anyone else is told it does not exist (404), the same answer whether it exists or not, so that
 * dispute ids cannot be probed.
 */
@Component
public class DisputeVisibility {

  private final DisputeRecords records;

  public DisputeVisibility(DisputeRecords records) {
    this.records = records;
  }

  /** The dispute, if {@code caller} is one of its parties or staff; else {@link NotVisible}. */
  public DisputeRecord visibleTo(Authentication caller, String disputeId) {
    DisputeRecord dispute = records.find(disputeId)
        .orElseThrow(() -> new NotVisible("dispute", disputeId));
    if (!Requester.isPartyOrStaff(caller, dispute.buyerId(), dispute.sellerId())) {
      throw new NotVisible("dispute", disputeId);
    }
    return dispute;
  }

  /**
   * As whom {@code caller} reads the dispute's timeline: as its buyer or seller (the entries meant
   * for the other party alone left out), or as staff (PLATFORM, everything). A party who is also
   * staff reads as the party.
   */
  public static ActorRole viewer(Authentication caller, DisputeRecord dispute) {
    Party party = Party.of(caller.getUserId(), dispute.buyerId(), dispute.sellerId());
    return party != null ? ActorRole.of(party) : ActorRole.PLATFORM;
  }
}
