package com.marketplace.disputes.conversation;

import com.marketplace.disputes.kernel.Party;
import com.marketplace.disputes.notification.ConversationNotices.Line;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The messages of disputes' conversations (table dispute_message), in the caller's transaction. */
@Repository
public class DisputeMessages {

  /** A message as the API answers it: the text as it was written, never HTML. */
  public record DisputeMessage(long messageId, String disputeId, String author, String role,
      String to, String text, List<Long> evidenceIds, OffsetDateTime postedAt) {}

  private final JdbcClient jdbc;

  public DisputeMessages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the message; returns its id. */
  long insert(String disputeId, String author, String role, Audience audience, String text,
      List<Long> evidenceIds, Instant postedAt) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into dispute_message (dispute_id, author_id, author_role, audience, body,
          evidence_ids, posted_at)
        values (:dispute, :author, :role, :audience, :body, :evidence, :at)""")
        .param("dispute", disputeId).param("author", author).param("role", role)
        .param("audience", audience.name()).param("body", text)
        .param("evidence", evidenceIds.isEmpty() ? null : evidenceIds.stream()
            .map(String::valueOf).collect(Collectors.joining(",")))
        .param("at", Timestamp.from(postedAt))
        .update(key, "message_id");
    return key.getKeyAs(Long.class);
  }

  Optional<DisputeMessage> find(long messageId) {
    return jdbc.sql("select * from dispute_message where message_id = :id")
        .param("id", messageId).query(DisputeMessages::message).optional();
  }

  /** When the author's messages in the dispute since {@code since} were written, oldest first. */
  List<Instant> postedSince(String disputeId, String author, Instant since) {
    return jdbc.sql("""
        select posted_at from dispute_message
        where dispute_id = :dispute and author_id = :author and posted_at > :since
        order by posted_at""")
        .param("dispute", disputeId).param("author", author).param("since", Timestamp.from(since))
        .query((rs, i) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
  }

  /**
   * What {@code party} (user {@code userId}) reads from message {@code fromId} on, written by
   * others, oldest first: what a mail to them about new messages lists.
   */
  List<Line> newFor(String disputeId, Party party, String userId, long fromId) {
    return jdbc.sql("""
        select author_id, author_role, posted_at, body from dispute_message
        where dispute_id = :dispute and message_id >= :from and author_id <> :user
          and audience in (:both, :party)
        order by message_id""")
        .param("dispute", disputeId).param("from", fromId).param("user", userId)
        .param("both", Audience.BOTH.name()).param("party", party.name())
        .query((rs, i) -> new Line(rs.getString(1), rs.getString(2),
            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
        .list();
  }

  private static DisputeMessage message(ResultSet rs, int row) throws SQLException {
    String evidence = rs.getString("evidence_ids");
    return new DisputeMessage(rs.getLong("message_id"), rs.getString("dispute_id"),
        rs.getString("author_id"), rs.getString("author_role"), rs.getString("audience"),
        rs.getString("body"),
        evidence == null ? List.of()
            : Arrays.stream(evidence.split(",")).map(Long::valueOf).toList(),
        rs.getObject("posted_at", OffsetDateTime.class));
  }
}
