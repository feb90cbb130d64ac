package com.marketplace.disputes.security;

import com.marketplace.disputes.security.PolicySnapshot.AppealRow;
import com.marketplace.disputes.security.PolicySnapshot.ContactRow;
import com.marketplace.disputes.security.PolicySnapshot.DisputeRow;
import com.marketplace.disputes.security.PolicySnapshot.OrderRow;
import com.marketplace.disputes.security.PolicySnapshot.TaskRow;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * The policy's invariants, checked after every step of a sequence. Each check reads the service's
 * own records and the engine's state, never what the test believes it did, and names what it
 * found broken.
 */
final class PolicyInvariants {

  static final String REFUNDS = "refund within what the order cost";
  static final String ONE_OPEN_DISPUTE = "at most one open dispute per order";
  static final String CLOSED_DISPUTE = "a closed dispute has one closure reason and no open task";
  static final String OWN_TASKS = "no party holds a task of another party";
  static final String NOTICES = "each notice at most once per occurrence";

  static final Set<String> CLOSURE_REASONS = Set.of("INELIGIBLE", "CANCELLED_BY_BUYER",
      "AGREEMENT", "PLATFORM_DECISION", "BUYER_NO_RESPONSE");
  static final Set<String> BUYER_TASKS =
      Set.of("ReviewSellerResponse", "ShipReturn", "ConfirmIssueResolved");
  static final Set<String> SELLER_TASKS =
      Set.of("RespondToDispute", "ConfirmReturnReceived", "ReplyToBuyer");
  /** Notices that announce something that happens once in a record's life. */
  static final Set<String> ONCE_PER_RECORD = Set.of("DISPUTE_OPENED", "ESCALATED",
      "DISPUTE_CLOSED", "APPEAL_RECEIVED", "APPEAL_DECIDED");
  static final String KEY_HEADER = "X-Notice-Key";

  /** One broken invariant: which, and what exactly. */
  record Violation(String invariant, String detail) {
    @Override
    public String toString() {
      return invariant + ": " + detail;
    }
  }

  private final PolicyWorld world;

  PolicyInvariants(PolicyWorld world) {
    this.world = world;
  }

  List<Violation> check(PolicySnapshot now, Collection<String> orderIds,
      OffsetDateTime noticesSince) {
    List<Violation> found = new ArrayList<>();
    refunds(now, orderIds, found);
    oneOpenDisputePerOrder(now, found);
    closedDisputes(now, found);
    ownTasks(now, found);
    notices(noticesSince, found);
    return found;
  }

  /**
   * Refunds never exceed what the order cost, counted per order, both as the service records
   * them (refund, by the dispute's order) and as the payment provider paid them (its ledger).
   * A refund for a dispute or an order that does not exist is money paid for nothing.
   */
  void refunds(PolicySnapshot now, Collection<String> orderIds, List<Violation> found) {
    if (!orderIds.isEmpty()) {
      world.jdbc.sql("""
          select d.order_id, sum(r.amount), min(r.amount) from refund r
          join dispute d on d.dispute_id = r.dispute_id
          where d.order_id in (:ids) group by d.order_id""")
          .param("ids", orderIds)
          .query((rs, i) -> {
            String orderId = rs.getString(1);
            BigDecimal refunded = rs.getBigDecimal(2);
            OrderRow order = now.orders.get(orderId);
            if (order == null || refunded.compareTo(order.amount()) > 0) {
              found.add(new Violation(REFUNDS, "order " + orderId + " cost "
                  + (order == null ? "nothing known" : order.amount()) + " but its disputes'"
                  + " refunds add up to " + refunded + " (table refund)"));
            }
            if (rs.getBigDecimal(3).signum() <= 0) {
              found.add(new Violation(REFUNDS, "order " + orderId + " has a refund of "
                  + rs.getBigDecimal(3)));
            }
            return null;
          }).list();
    }
    world.jdbc.sql("""
        select r.refund_id, r.dispute_id, r.amount from refund r
        left join dispute d on d.dispute_id = r.dispute_id where d.dispute_id is null""")
        .query((rs, i) -> found.add(new Violation(REFUNDS, "refund " + rs.getString(1) + " of "
            + rs.getBigDecimal(3) + " names dispute " + rs.getString(2)
            + ", which does not exist"))).list();
    world.jdbc.sql("""
        select l.order_id, sum(l.amount), max(o.amount) from payment_ledger l
        left join market_order o on o.order_id = l.order_id
        group by l.order_id having max(o.amount) is null or sum(l.amount) > max(o.amount)""")
        .query((rs, i) -> found.add(new Violation(REFUNDS, "the payment provider paid "
            + rs.getBigDecimal(2) + " back for order " + rs.getString(1) + ", which cost "
            + (rs.getBigDecimal(3) == null ? "nothing known" : rs.getBigDecimal(3))
            + " (payment_ledger)"))).list();
  }

  /**
   * At most one open dispute per order: by the dispute table (not closed), and by the engine (a
   * running disputeMediation instance for the order that is not a dispute already closed and
   * sending its closing notice).
   */
  void oneOpenDisputePerOrder(PolicySnapshot now, List<Violation> found) {
    Map<String, Set<String>> open = new HashMap<>();
    now.disputes.values().stream().filter(d -> !d.closed())
        .forEach(d -> open.computeIfAbsent(d.orderId(), o -> new LinkedHashSet<>())
            .add(d.disputeId()));
    Map<String, ProcessInstance> running = new HashMap<>();
    world.runtimeService.createProcessInstanceQuery().processDefinitionKey("disputeMediation")
        .list().forEach(pi -> running.put(pi.getId(), pi));
    if (!running.isEmpty()) {
      for (VariableInstance orderId : world.runtimeService.createVariableInstanceQuery()
          .processInstanceIdIn(running.keySet().toArray(String[]::new)).variableName("orderId")
          .list()) {
        if (!orderId.getExecutionId().equals(orderId.getProcessInstanceId())) {
          continue;
        }
        ProcessInstance pi = running.get(orderId.getProcessInstanceId());
        String key = pi.getBusinessKey();
        Optional<DisputeRow> row = now.dispute(world, key)
            .filter(d -> pi.getId().equals(d.processInstanceId()));
        if (row.isPresent() && row.get().closed()) {
          continue; // closed, still sending its closing notice
        }
        open.computeIfAbsent(String.valueOf(orderId.getValue()), o -> new LinkedHashSet<>())
            .add(row.isPresent() ? key
                : "instance " + pi.getId() + (key == null ? "" : " (business key " + key + ")"));
      }
    }
    open.forEach((orderId, disputes) -> {
      if (disputes.size() > 1) {
        found.add(new Violation(ONE_OPEN_DISPUTE, "order " + orderId + " has " + disputes.size()
            + " open disputes: " + disputes));
      }
    });
  }

  /**
   * A closed dispute has exactly one closure reason (on its row, one of the contract's, and the
   * same in its instance's history, held once) and no open task: none in its own instance tree
   * (returnAndRefund included), none anywhere under its business key, except the steps of an
   * appeal that is still running.
   */
  void closedDisputes(PolicySnapshot now, List<Violation> found) {
    List<DisputeRow> closed = now.disputes.values().stream().filter(DisputeRow::closed).toList();
    if (closed.isEmpty()) {
      return;
    }
    Map<String, List<HistoricVariableInstance>> reasons = new HashMap<>();
    world.historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(closed.stream().map(DisputeRow::processInstanceId)
            .toArray(String[]::new))
        .variableName("closureReason").list()
        .forEach(v -> reasons.computeIfAbsent(v.getProcessInstanceId(), id -> new ArrayList<>())
            .add(v));
    for (DisputeRow dispute : closed) {
      if (dispute.closureReason() == null || !CLOSURE_REASONS.contains(dispute.closureReason())) {
        found.add(new Violation(CLOSED_DISPUTE, "dispute " + dispute.disputeId()
            + " is closed with closure reason " + dispute.closureReason()));
      }
      List<HistoricVariableInstance> held =
          reasons.getOrDefault(dispute.processInstanceId(), List.of());
      if (held.size() != 1
          || !String.valueOf(held.get(0).getValue()).equals(dispute.closureReason())) {
        found.add(new Violation(CLOSED_DISPUTE, "dispute " + dispute.disputeId() + " is closed "
            + dispute.closureReason() + " but its instance holds closureReason "
            + held.stream().map(v -> v.getValue() + " (scope " + v.getActivityInstanceId() + ")")
                .toList()));
      }
      for (TaskRow task : now.tasks) {
        boolean ofDispute = dispute.disputeId().equals(task.businessKey())
            || dispute.processInstanceId().equals(task.rootId());
        if (!ofDispute || runsForActiveAppeal(now, task)) {
          continue;
        }
        found.add(new Violation(CLOSED_DISPUTE, "dispute " + dispute.disputeId() + " is closed ("
            + dispute.closureReason() + ") but task " + task.key() + " " + task.id()
            + " is open in " + task.processKey() + " instance " + task.processInstanceId()));
      }
    }
  }

  private static boolean runsForActiveAppeal(PolicySnapshot now, TaskRow task) {
    return "appealTicket".equals(task.rootKey())
        && now.appealByInstance(task.rootId()).map(AppealRow::active).orElse(false);
  }

  /**
   * Each open task is held (assigned, or offered as a candidate user) only by whom it is for:
   * buyer tasks by the record's buyer, seller tasks by its seller, ProvideEvidence by the party the
   * mediator asked, DecideDispute and ReviewAppeal by staff who are no party of the dispute (and,
   * for the appeal, did not decide it). A task that belongs to no record is for nobody.
   */
  void ownTasks(PolicySnapshot now, List<Violation> found) {
    for (TaskRow task : now.tasks) {
      Set<String> holders = new LinkedHashSet<>();
      if (task.assignee() != null) {
        holders.add(task.assignee());
      }
      for (IdentityLink link : world.taskService.getIdentityLinksForTask(task.id())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
          holders.add(link.getUserId());
        }
      }
      Parties parties = parties(now, task);
      if (parties == null) {
        found.add(new Violation(OWN_TASKS, "task " + task.key() + " " + task.id() + " in "
            + task.processKey() + " instance " + task.processInstanceId() + " (business key "
            + task.businessKey() + ") belongs to no dispute, contact or appeal"
            + (holders.isEmpty() ? "" : "; held by " + holders)));
        continue;
      }
      String rightful = rightfulHolder(now, task, parties);
      for (String holder : holders) {
        if (rightful != null) {
          if (!rightful.equals(holder)) {
            found.add(new Violation(OWN_TASKS, holder + " holds " + task.key() + " " + task.id()
                + " of " + parties.record() + ", which is " + rightful + "'s"));
          }
        } else if (task.key().equals("DecideDispute") || task.key().equals("ReviewAppeal")) {
          String group = task.key().equals("DecideDispute") ? "mediators" : "senior-mediators";
          if (parties.isParty(holder) || !world.groupsOf(holder).contains(group)
              || task.key().equals("ReviewAppeal") && holder.equals(parties.decidedBy())) {
            found.add(new Violation(OWN_TASKS, holder + " holds " + task.key() + " " + task.id()
                + " of " + parties.record() + ", a task for " + group + " who are no party"
                + (task.key().equals("ReviewAppeal") ? " and did not decide it" : "")));
          }
        } else {
          found.add(new Violation(OWN_TASKS, holder + " holds " + task.key() + " " + task.id()
              + " of " + parties.record() + ", and the records do not say whose it is"));
        }
      }
    }
  }

  /** The two parties of the record a task belongs to, and the mediator who decided it. */
  record Parties(String record, String buyerId, String sellerId, String disputeId,
      String decidedBy) {
    boolean isParty(String userId) {
      return userId.equals(buyerId) || userId.equals(sellerId);
    }
  }

  Parties parties(PolicySnapshot now, TaskRow task) {
    String key = task.businessKey();
    if (key == null) {
      return null;
    }
    if (key.startsWith("C-")) {
      ContactRow contact = now.contacts.get(key);
      return contact == null ? null
          : new Parties("contact " + key, contact.buyerId(), contact.sellerId(), null, null);
    }
    String disputeId = key;
    if (key.startsWith("A-")) {
      AppealRow appeal = now.appeals.get(key);
      if (appeal == null) {
        return null;
      }
      disputeId = appeal.disputeId();
    }
    Optional<DisputeRow> dispute = now.dispute(world, disputeId);
    return dispute.map(d -> new Parties(
        (key.startsWith("A-") ? "appeal " + key + " of " : "") + "dispute " + d.disputeId(),
        d.buyerId(), d.sellerId(), d.disputeId(), d.decidedBy())).orElse(null);
  }

  /** Whom a party task is for, by the records; null for staff tasks. */
  String rightfulHolder(PolicySnapshot now, TaskRow task, Parties parties) {
    if (BUYER_TASKS.contains(task.key())) {
      return parties.buyerId();
    }
    if (SELLER_TASKS.contains(task.key())) {
      return parties.sellerId();
    }
    if (task.key().equals("ProvideEvidence")) {
      String requested = evidenceRequestedFrom(parties.disputeId());
      return "SELLER".equals(requested) ? parties.sellerId()
          : "BUYER".equals(requested) ? parties.buyerId() : "nobody (no evidence was requested)";
    }
    return null;
  }

  /** The party the mediator last asked for evidence, as the dispute's timeline records it. */
  String evidenceRequestedFrom(String disputeId) {
    if (disputeId == null) {
      return null;
    }
    return world.jdbc.sql("""
        select detail from dispute_event where dispute_id = :id and event_type = 'EVIDENCE_REQUESTED'
        order by occurred_at desc, event_id desc limit 1""")
        .param("id", disputeId).query(String.class).optional()
        .map(detail -> detail.startsWith("SELLER") ? "SELLER"
            : detail.startsWith("BUYER") ? "BUYER" : null)
        .orElse(null);
  }

  /**
   * Each notice at most once per occurrence: the outbox holds one row per notice, recipient and
   * occurrence (the job that sends it), whatever business key it was filed under; the SMTP server
   * received each notice key once; and what happens once in a record's life (opened, escalated,
   * closed, appealed, appeal decided) is told to each recipient once.
   */
  void notices(OffsetDateTime since, List<Violation> found) {
    world.jdbc.sql("""
        select occurrence, notice, recipient_id, count(*) from notice_outbox
        where created_at >= :since group by occurrence, notice, recipient_id having count(*) > 1""")
        .param("since", since)
        .query((rs, i) -> found.add(new Violation(NOTICES, "notice " + rs.getString(2) + " to "
            + rs.getString(3) + " is in the outbox " + rs.getInt(4) + " times for occurrence "
            + rs.getString(1)))).list();
    world.jdbc.sql("""
        select business_key, notice, recipient_id, count(*) from notice_outbox
        where created_at >= :since and notice in (:once)
        group by business_key, notice, recipient_id having count(*) > 1""")
        .param("since", since).param("once", ONCE_PER_RECORD)
        .query((rs, i) -> found.add(new Violation(NOTICES, "notice " + rs.getString(2) + " of "
            + rs.getString(1) + " went to " + rs.getString(3) + " " + rs.getInt(4)
            + " times; it tells of something that happens once"))).list();
    Map<String, Integer> mails = new HashMap<>();
    for (MimeMessage mail : world.smtp.getReceivedMessages()) {
      try {
        String[] keys = mail.getHeader(KEY_HEADER);
        if (keys != null) {
          mails.merge(keys[0] + " to " + List.of(mail.getAllRecipients()), 1, Integer::sum);
        }
      } catch (MessagingException e) {
        found.add(new Violation(NOTICES, "a received mail cannot be read: " + e));
      }
    }
    mails.forEach((key, count) -> {
      if (count > 1) {
        found.add(new Violation(NOTICES, "notice " + key + " was mailed " + count + " times"));
      }
    });
  }
}
