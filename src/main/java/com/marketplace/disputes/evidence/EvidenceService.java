package com.marketplace.disputes.evidence;

import com.marketplace.disputes.dispute.DisputeProcess;
import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import com.marketplace.disputes.kernel.AppClock;
import com.marketplace.disputes.kernel.InvalidRequestException;
import com.marketplace.disputes.kernel.Party;
import com.marketplace.disputes.kernel.Requester;
import com.marketplace.disputes.timeline.ActorRole;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules for evidence: what may be uploaded (type by content, size per file and per dispute),
 * who may see it (the dispute's parties and staff), and how a staged upload becomes part of a
 * dispute (only by its uploader, in the step that submits it).
 */
@Service
public class EvidenceService {

  private final EvidenceStore store;
  private final DisputeRecords disputes;
  private final EvidenceProperties limits;
  private final Timeline timeline;

  public EvidenceService(EvidenceStore store, DisputeRecords disputes, EvidenceProperties limits,
      Timeline timeline) {
    this.store = store;
    this.disputes = disputes;
    this.limits = limits;
    this.timeline = timeline;
  }

  /**
   * Checks and stores an upload as staged. With a dispute id, the caller must be a party of that
   * open dispute and the dispute's limit is checked now rather than when the form is submitted.
   * A refused upload stores nothing.
   */
  @Transactional
  public Evidence upload(Authentication caller, String rawName, InputStream body,
      String disputeId) throws IOException {
    String user = caller.getUserId();
    String fileName = fileName(rawName);
    store.purgeStaged(user, AppClock.now().minus(limits.stagedRetention()));
    long maxFile = limits.maxFileSize().toBytes();
    byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFile + 1));
    if (content.length == 0) {
      throw new EvidenceRefusedException(HttpStatus.BAD_REQUEST,
          fileName + " is empty; nothing was stored.");
    }
    if (content.length > maxFile) {
      throw new EvidenceRefusedException(HttpStatus.PAYLOAD_TOO_LARGE, fileName
          + " is larger than " + megabytes(maxFile) + ", the limit per file; nothing was stored.");
    }
    EvidenceType type = EvidenceType.sniff(Arrays.copyOf(content,
            Math.min(content.length, EvidenceType.SNIFF_BYTES)))
        .orElseThrow(() -> new EvidenceRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            fileName + " is not an accepted kind of file (" + EvidenceType.accepted()
                + "); nothing was stored."));
    long alreadyHeld = store.stagedBytes(user);
    if (disputeId != null) {
      DisputeRecord dispute = partyOfOpenDispute(caller, disputeId);
      alreadyHeld += store.disputeBytes(dispute.disputeId());
    }
    long maxDispute = limits.maxDisputeSize().toBytes();
    if (alreadyHeld + content.length > maxDispute) {
      throw new EvidenceRefusedException(HttpStatus.PAYLOAD_TOO_LARGE, "Adding " + fileName
          + " would take this dispute's evidence over " + megabytes(maxDispute)
          + "; nothing was stored.");
    }
    return store.stage(user, fileName, type, content, sha256(content));
  }

  /** The evidence, if the caller may see it: staged by the caller, or of a dispute they see. */
  public Optional<Evidence> visible(Authentication caller, long evidenceId) {
    return store.find(evidenceId).filter(evidence -> evidence.isStaged()
        ? evidence.uploadedBy().equals(caller.getUserId())
        : disputes.find(evidence.disputeId()).filter(d -> mayRead(caller, d)).isPresent());
  }

  /** The dispute's evidence for its parties and staff; empty for anyone else. */
  public Optional<List<Evidence>> ofDispute(Authentication caller, String disputeId) {
    return disputes.find(disputeId).filter(d -> mayRead(caller, d))
        .map(d -> store.forDispute(d.disputeId()));
  }

  public byte[] content(Evidence evidence) {
    return store.content(evidence.evidenceId());
  }

  /** Takes back a staged upload; false when there is no such upload of the caller's. */
  @Transactional
  public boolean withdraw(Authentication caller, long evidenceId) {
    return store.deleteStaged(evidenceId, caller.getUserId());
  }

  /**
   * Attaches staged uploads to a dispute, inside the engine command of the step that submitted
   * them; a refusal throws {@link InvalidRequestException}, so the step fails with 400 and
   * nothing is attached. Ids already attached to this dispute are skipped, which makes a retried
   * submission harmless.
   *
   * @param actingUserId who submits the step; null inside the engine (then only the parties'
   *     own uploads can be attached)
   */
  public List<Evidence> attach(String disputeId, String evidenceIds, String actingUserId) {
    DisputeRecord dispute = disputes.find(disputeId).orElseThrow(() ->
        InvalidRequestException.of("Cannot attach evidence", DisputeProcess.DISPUTE_ID, "no dispute " + disputeId));
    Set<Long> ids = parseIds(evidenceIds);
    List<Evidence> found = store.findAll(ids);
    List<String> problems = new ArrayList<>();
    if (found.size() < ids.size()) {
      Set<Long> missing = new LinkedHashSet<>(ids);
      found.forEach(evidence -> missing.remove(evidence.evidenceId()));
      problems.add("names uploads that do not exist (or were removed after a day unsubmitted): "
          + missing.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }
    List<Evidence> staged = new ArrayList<>();
    long bytes = 0;
    for (Evidence evidence : found) {
      if (disputeId.equals(evidence.disputeId())) {
        continue;
      }
      boolean own = actingUserId == null
          ? evidence.uploadedBy().equals(dispute.buyerId())
              || evidence.uploadedBy().equals(dispute.sellerId())
          : evidence.uploadedBy().equals(actingUserId);
      if (!evidence.isStaged() || !own) {
        problems.add("names upload " + evidence.evidenceId() + ", which is not yours to attach");
        continue;
      }
      staged.add(evidence);
      bytes += evidence.sizeBytes();
    }
    long maxDispute = limits.maxDisputeSize().toBytes();
    if (store.disputeBytes(disputeId) + bytes > maxDispute) {
      problems.add("would take the dispute's evidence over " + megabytes(maxDispute));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("Cannot attach evidence", problems.stream()
          .map(p -> new InvalidRequestException.FieldError(EvidenceAttachments.EVIDENCE_IDS, p))
          .toList());
    }
    List<Evidence> attached = new ArrayList<>();
    for (Evidence evidence : staged) {
      ActorRole role = roleOf(dispute, evidence.uploadedBy());
      if (store.attach(evidence.evidenceId(), disputeId, role.name())) {
        timeline.record(TimelineEvent.by(disputeId, evidence.uploadedBy(), role,
            EventKind.EVIDENCE_ADDED).detail(evidence.fileName()));
        attached.add(evidence);
      }
    }
    return attached;
  }

  /**
   * The files a message refers to, each of them the writer's own: uploads they staged for it are
   * attached now, as {@link #attach} does for a step; files attached before must be of this
   * dispute. Anything else is refused with 400 naming the id.
   */
  public List<Evidence> attachOwn(String disputeId, Collection<Long> evidenceIds, String userId) {
    if (evidenceIds.isEmpty()) {
      return List.of();
    }
    List<InvalidRequestException.FieldError> problems = store.findAll(evidenceIds).stream()
        .filter(evidence -> disputeId.equals(evidence.disputeId())
            && !evidence.uploadedBy().equals(userId))
        .map(evidence -> new InvalidRequestException.FieldError(EvidenceAttachments.EVIDENCE_IDS,
            "names upload " + evidence.evidenceId() + ", which is not yours to attach"))
        .toList();
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("Cannot attach evidence", problems);
    }
    attach(disputeId, evidenceIds.stream().map(String::valueOf)
        .collect(Collectors.joining(",")), userId);
    return store.findAll(evidenceIds);
  }

  static Set<Long> parseIds(String evidenceIds) {
    Set<Long> ids = new LinkedHashSet<>();
    if (evidenceIds == null || evidenceIds.isBlank()) {
      return ids;
    }
    for (String part : evidenceIds.split("[,\\s]+")) {
      if (part.isEmpty()) {
        continue;
      }
      if (!part.matches("\\d{1,18}")) {
        throw InvalidRequestException.of("Cannot attach evidence", EvidenceAttachments.EVIDENCE_IDS,
            "must list upload ids separated by commas, such as 12,13");
      }
      ids.add(Long.parseLong(part));
    }
    return ids;
  }

  private DisputeRecord partyOfOpenDispute(Authentication caller, String disputeId) {
    DisputeRecord dispute = disputes.find(disputeId)
        .filter(d -> mayRead(caller, d))
        .orElseThrow(() -> new EvidenceRefusedException(HttpStatus.NOT_FOUND,
            "No dispute " + disputeId + " that you can see."));
    if (!caller.getUserId().equals(dispute.buyerId())
        && !caller.getUserId().equals(dispute.sellerId())) {
      throw new EvidenceRefusedException(HttpStatus.FORBIDDEN,
          "Only the buyer and the seller add evidence to a dispute.");
    }
    if (dispute.closedAt() != null) {
      throw new EvidenceRefusedException(HttpStatus.CONFLICT,
          "Dispute " + disputeId + " is closed; no evidence can be added to it.");
    }
    return dispute;
  }

  private static boolean mayRead(Authentication caller, DisputeRecord dispute) {
    return Requester.isPartyOrStaff(caller, dispute.buyerId(), dispute.sellerId());
  }

  private static ActorRole roleOf(DisputeRecord dispute, String userId) {
    Party party = Party.of(userId, dispute.buyerId(), dispute.sellerId());
    return party == null ? ActorRole.PLATFORM : ActorRole.of(party);
  }

  /** The name as people gave it, without folders or control characters, at most 255 long. */
  static String fileName(String raw) {
    String name = raw == null ? "" : raw;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\"]", "").trim();
    if (name.isEmpty()) {
      name = "upload";
    }
    if (name.length() > 255) {
      int dot = name.lastIndexOf('.');
      String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
      name = name.substring(0, 255 - extension.length()) + extension;
    }
    return name;
  }

  /** 10 MB, 1.5 MB, 64 KB: sizes as people read them. */
  static String megabytes(long bytes) {
    if (bytes < 1024 * 1024) {
      return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }
    double mb = bytes / (1024.0 * 1024.0);
    return (mb == Math.rint(mb) ? String.format(Locale.ROOT, "%.0f", mb)
        : String.format(Locale.ROOT, "%.1f", mb)) + " MB";
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
