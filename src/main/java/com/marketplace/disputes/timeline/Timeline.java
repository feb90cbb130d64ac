package com.marketplace.disputes.timeline;

import com.marketplace.disputes.kernel.AppClock;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A dispute's timeline (table dispute_event), written in the engine's transaction so a
 * rolled-back step leaves no entry. Recording an entry also keeps its {@link Milestone}, if it
 * reaches one, on the dispute's row, in the same transaction.
 */
@Repository
public class Timeline {

  private static final int PER_STATEMENT = 200;

  private final JdbcClient jdbc;

  public Timeline(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds the entry, at its time or else now, and keeps the milestone it reaches. */
  public void record(TimelineEvent event) {
    recordAll(List.of(event));
  }

  /**
   * Adds the entries in their order, each at its time or else now, and keeps the milestones they
   * reach: what {@link #record} does for each, in one statement per {@value #PER_STATEMENT}
   * entries, for writers of many disputes at once.
   */
  public void recordAll(List<TimelineEvent> events) {
    Instant now = AppClock.now();
    List<TimelineEvent> timed = events.stream()
        .map(event -> event.occurredAt() != null ? event : event.at(now)).toList();
    for (int from = 0; from < timed.size(); from += PER_STATEMENT) {
      insert(timed.subList(from, Math.min(timed.size(), from + PER_STATEMENT)));
    }
    for (TimelineEvent event : timed) {
      Milestone milestone = event.kind().milestone();
      if (milestone != null) {
        keepEarliest(event.disputeId(), milestone, event.occurredAt());
      }
    }
  }

  private void insert(List<TimelineEvent> events) {
    StringBuilder sql = new StringBuilder("""
        insert into dispute_event (dispute_id, occurred_at, actor, actor_role, event_type, detail,
          resolution, amount, visible_to)
        values""");
    for (int i = 0; i < events.size(); i++) {
      sql.append(i == 0 ? " " : ", ").append("(:id%1$d, :at%1$d, :actor%1$d, :role%1$d, :type%1$d,"
          .formatted(i)).append( " :detail%1$d, :resolution%1$d, :amount%1$d, :visibleTo%1$d)".formatted(i));
    }
    JdbcClient.StatementSpec insert = jdbc.sql(sql.toString());
    for (int i = 0; i < events.size(); i++) {
      TimelineEvent event = events.get(i);
      insert = insert.param("id" + i, event.disputeId())
          .param("at" + i, Timestamp.from(event.occurredAt())).param("actor" + i, event.actor())
          .param("role" + i, event.role() == null ? null : event.role().name())
          .param("type" + i, event.kind().name()).param("detail" + i, truncate(event.detail()))
          .param("resolution" + i, event.resolution()).param("amount" + i, event.amount())
          .param("visibleTo" + i, event.visibleTo() == null ? null : event.visibleTo().name());
    }
    insert.update();
  }

  /** A milestone keeps the earliest entry that reached it: later ones leave it as it is. */
  private void keepEarliest(String disputeId, Milestone milestone, Instant at) {
    String column = milestone.column;
    jdbc.sql("update dispute set " + column + " = :at where dispute_id = :id and (" + column
            + " is null or " + column + " > :at)")
        .param("at", Timestamp.from(at)).param("id", disputeId).update();
  }

  /** Whether the dispute's timeline has an entry of this kind. */
  public boolean has(String disputeId, EventKind kind) {
    return jdbc.sql("""
        select count(*) from dispute_event where dispute_id = :id and event_type = :type""")
        .param("id", disputeId).param("type", kind.name()).query(Long.class).single() > 0;
  }

  /**
   * The dispute's timeline, oldest first, as {@code viewer} may see it: a party (BUYER, SELLER)
   * sees the entries for both parties and those meant for it alone; staff (PLATFORM) see all.
   */
  public List<TimelineEntry> entries(String disputeId, ActorRole viewer) {
    boolean party = viewer == ActorRole.BUYER || viewer == ActorRole.SELLER;
    return jdbc.sql("""
        select occurred_at, actor, actor_role, event_type, detail, resolution, amount, visible_to
        from dispute_event where dispute_id = :id
          and (visible_to is null or :everything = true or visible_to = :viewer)
        order by occurred_at, event_id""")
        .param("id", disputeId).param("everything", !party)
        .param("viewer", party ? viewer.name() : "")
        .query(TimelineEntry.class).list();
  }

  private static String truncate(String detail) {
    return detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 4000);
  }

  /**
   * One entry of a dispute's timeline, as the API shows it.
   *
   * @param visibleTo the one party the entry is meant for; null when both parties see it
   */
  public record TimelineEntry(OffsetDateTime occurredAt, String actor, String actorRole,
      String eventType, String detail, String resolution, BigDecimal amount, String visibleTo) {}
}
