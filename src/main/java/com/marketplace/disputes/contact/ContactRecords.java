package com.marketplace.disputes.contact;

import com.marketplace.disputes.kernel.AppClock;
import com.marketplace.disputes.kernel.Party;
import com.marketplace.disputes.kernel.PartyRows;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The seller contact's own records (tables contact and contact_message), written in the engine's
 * transaction like the dispute's records.
 */
@Repository
public class ContactRecords {

  private final JdbcClient jdbc;

  public ContactRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Opens the contact and takes the order's lock; the unique constraint refuses a second one. */
  public void insert(String contactId, String orderId, String processInstanceId, String buyerId,
      String sellerId) {
    jdbc.sql("""
        insert into contact (contact_id, order_id, process_instance_id, buyer_id, seller_id, status,
          awaiting, opened_at, order_lock)
        values (:id, :orderId, :pi, :buyer, :seller, :status, 'SELLER', :now, :orderId)""")
        .param("id", contactId).param("orderId", orderId).param("pi", processInstanceId)
        .param("buyer", buyerId).param("seller", sellerId)
        .param("status", ContactStatus.AWAITING_SELLER.name())
        .param("now", ts(AppClock.now())).update();
  }

  /** The open contact of the order, if there is one. */
  public Optional<String> openContactFor(String orderId) {
    return jdbc.sql("select contact_id from contact where order_lock = :orderId")
        .param("orderId", orderId).query(String.class).optional();
  }

  public Optional<ContactRecord> find(String contactId) {
    return jdbc.sql("select * from contact where contact_id = :id").param("id", contactId)
        .query(ContactRecord.class).optional();
  }

  /** The caller's contacts as buyer or seller, newest first. */
  public List<ContactRecord> findByParty(String userId, int limit) {
    return PartyRows.newest(jdbc, "contact", userId, limit, ContactRecord.class);
  }

  /**
   * Appends a message. The contact's row is locked first, so two messages posted at the same
   * moment get consecutive numbers instead of one failing on the primary key.
   */
  public ContactMessage addMessage(String contactId, String authorId, Party authorRole,
      String body) {
    jdbc.sql("select contact_id from contact where contact_id = :id for update")
        .param("id", contactId).query(String.class).single();
    int next = jdbc.sql("""
        select coalesce(max(message_no), 0) + 1 from contact_message where contact_id = :id""")
        .param("id", contactId).query(Integer.class).single();
    Instant now = AppClock.now();
    jdbc.sql("""
        insert into contact_message (contact_id, message_no, author_id, author_role, body, posted_at)
        values (:id, :no, :author, :role, :body, :now)""")
        .param("id", contactId).param("no", next).param("author", authorId)
        .param("role", authorRole.name()).param("body", body).param("now", ts(now)).update();
    return new ContactMessage(next, authorId, authorRole, body, now.atOffset(ZoneOffset.UTC));
  }

  /** The conversation in the order it was written. */
  public List<ContactMessage> messages(String contactId) {
    return jdbc.sql("""
        select message_no, author_id, author_role, body, posted_at from contact_message
        where contact_id = :id order by message_no""")
        .param("id", contactId).query(ContactMessage.class).list();
  }

  /** Whose move it is and until when. */
  public void awaiting(String contactId, ContactStatus status, String party, Instant dueAt) {
    jdbc.sql("""
        update contact set status = :status, awaiting = :party, due_at = :due
        where contact_id = :id""")
        .param("status", status.name()).param("party", party).param("due", ts(dueAt))
        .param("id", contactId).update();
  }

  public void sellerSilent(String contactId) {
    jdbc.sql("update contact set seller_silent_at = :now where contact_id = :id")
        .param("now", ts(AppClock.now())).param("id", contactId).update();
  }

  /** Ends the contact and releases the order for a new one. */
  public void close(String contactId, ContactStatus status, String disputeId) {
    jdbc.sql("""
        update contact set status = :status, dispute_id = :dispute, awaiting = null, due_at = null,
          closed_at = :now, order_lock = null
        where contact_id = :id""")
        .param("status", status.name()).param("dispute", disputeId)
        .param("now", ts(AppClock.now())).param("id", contactId).update();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  /** A row of the contact table. */
  public record ContactRecord(String contactId, String orderId, String processInstanceId,
      String buyerId, String sellerId, String status, String awaiting, OffsetDateTime dueAt,
      OffsetDateTime sellerSilentAt, String disputeId, OffsetDateTime openedAt,
      OffsetDateTime closedAt) {

    public boolean isOpen() {
      return closedAt == null;
    }
  }

  /** One message of the conversation. */
  public record ContactMessage(int messageNo, String authorId, Party authorRole, String body,
      OffsetDateTime postedAt) {}
}
