package com.marketplace.disputes.evidence;

import com.marketplace.disputes.kernel.AppClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The tables evidence (what each file is) and evidence_content (its bytes). Runs in the caller's
 * transaction: attaching inside an engine command commits or rolls back with the step.
 */
@Repository
public class EvidenceStore {

  private static final String COLUMNS = """
      evidence_id, dispute_id, uploaded_by, uploader_role, file_name, content_type, size_bytes,
      sha256, uploaded_at, attached_at""";

  private final JdbcClient jdbc;

  public EvidenceStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a staged upload of {@code userId}; returns it with its new id. */
  public Evidence stage(String userId, String fileName, EvidenceType type, byte[] content,
      String sha256) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into evidence (uploaded_by, file_name, content_type, size_bytes, sha256, uploaded_at)
        values (:user, :name, :type, :size, :sha, :now)""")
        .param("user", userId).param("name", fileName).param("type", type.mediaType())
        .param("size", (long) content.length).param("sha", sha256)
        .param("now", Timestamp.from(AppClock.now()))
        .update(key, "evidence_id");
    long id = key.getKey().longValue();
    jdbc.sql("insert into evidence_content (evidence_id, content) values (:id, :content)")
        .param("id", id).param("content", content).update();
    return find(id).orElseThrow();
  }

  public Optional<Evidence> find(long evidenceId) {
    return jdbc.sql("select " + COLUMNS + " from evidence where evidence_id = :id")
        .param("id", evidenceId).query(Evidence.class).optional();
  }

  public List<Evidence> findAll(Collection<Long> evidenceIds) {
    if (evidenceIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select " + COLUMNS + " from evidence where evidence_id in (:ids)"
            + " order by evidence_id")
        .param("ids", evidenceIds).query(Evidence.class).list();
  }

  public byte[] content(long evidenceId) {
    return jdbc.sql("select content from evidence_content where evidence_id = :id")
        .param("id", evidenceId).query(byte[].class).single();
  }

  /** The dispute's files in the order they were attached. */
  public List<Evidence> forDispute(String disputeId) {
    return jdbc.sql("select " + COLUMNS + " from evidence where dispute_id = :id"
            + " order by attached_at, evidence_id")
        .param("id", disputeId).query(Evidence.class).list();
  }

  public long disputeBytes(String disputeId) {
    return jdbc.sql("select coalesce(sum(size_bytes), 0) from evidence where dispute_id = :id")
        .param("id", disputeId).query(Long.class).single();
  }

  /** What the user uploaded and has not submitted yet. */
  public long stagedBytes(String userId) {
    return jdbc.sql("""
        select coalesce(sum(size_bytes), 0) from evidence
        where uploaded_by = :user and dispute_id is null""")
        .param("user", userId).query(Long.class).single();
  }

  /** Attaches a staged upload; false when it was attached meanwhile (nothing changes then). */
  public boolean attach(long evidenceId, String disputeId, String uploaderRole) {
    return jdbc.sql("""
        update evidence set dispute_id = :dispute, uploader_role = :role, attached_at = :now
        where evidence_id = :id and dispute_id is null""")
        .param("dispute", disputeId).param("role", uploaderRole)
        .param("now", Timestamp.from(AppClock.now())).param("id", evidenceId)
        .update() == 1;
  }

  /** Removes a staged upload of the user; attached evidence is part of the record and stays. */
  public boolean deleteStaged(long evidenceId, String userId) {
    return jdbc.sql("""
        delete from evidence
        where evidence_id = :id and uploaded_by = :user and dispute_id is null""")
        .param("id", evidenceId).param("user", userId).update() == 1;
  }

  /** Forgets the user's uploads from forms that were abandoned before {@code before}. */
  public int purgeStaged(String userId, Instant before) {
    return jdbc.sql("""
        delete from evidence
        where uploaded_by = :user and dispute_id is null and uploaded_at < :before""")
        .param("user", userId).param("before", Timestamp.from(before)).update();
  }
}
