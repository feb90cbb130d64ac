package com.marketplace.disputes.contact;

/**
 * The names of {@code sellerContact} the code needs: its key, the elements code finds by id, its
 * message and its variables. The case's variables and the claim a buyer may open a dispute with
 * are the dispute's names.
 */
public final class SellerContactProcess {

  public static final String KEY = "sellerContact";

  // Elements the code acts on by id.
  public static final String REPLY_TO_BUYER = "ReplyToBuyer";
  public static final String SELLER_REPLY_DEADLINE = "SellerReplyDeadline";
  public static final String CONFIRM_ISSUE_RESOLVED = "ConfirmIssueResolved";

  /** A message added to the conversation, correlated by business key (the contact id). */
  public static final String MESSAGE_POSTED = "ContactMessagePosted";

  // Variables.
  public static final String CONTACT_ID = "contactId";
  public static final String BUYER_MESSAGE = "buyerMessage";
  public static final String SELLER_MESSAGE = "sellerMessage";
  public static final String SELLER_REPLIED = "sellerReplied";
  public static final String ISSUE_RESOLVED = "issueResolved";
  public static final String OPEN_DISPUTE = "openDispute";
  public static final String DISPUTE_ELIGIBLE = "disputeEligible";
  public static final String CONTACT_OUTCOME = "contactOutcome";
  /** Transient: who posted a ContactMessagePosted message, and its text. */
  public static final String POSTED_BY = "postedBy";
  public static final String POSTED_MESSAGE = "postedMessage";

  private SellerContactProcess() {}
}
