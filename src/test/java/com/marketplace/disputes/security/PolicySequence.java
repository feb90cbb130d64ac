package com.marketplace.disputes.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marketplace.disputes.kernel.ApiProblems;
import com.marketplace.disputes.orders.OrderDocument;
import com.marketplace.disputes.security.PolicyInvariants.Parties;
import com.marketplace.disputes.security.PolicyInvariants.Violation;
import com.marketplace.disputes.security.PolicySnapshot.ContactRow;
import com.marketplace.disputes.security.PolicySnapshot.DisputeRow;
import com.marketplace.disputes.security.PolicySnapshot.OrderRow;
import com.marketplace.disputes.security.PolicySnapshot.TaskRow;
import com.marketplace.disputes.security.PolicyWorld.Actor;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.web.ErrorResponse;

/**
 * One random sequence of moves by every actor of the four processes, honest and hostile, on
 * orders and users of its own. After every step the invariants are checked; the first broken one
 * ends the sequence with its seed and the moves that led there.
 *
 * <p>Each move runs as its actor: the engine's authorization checks and whatever else the engine
 * does for an authenticated caller apply as they do behind {@code /engine-rest} and
 * {@code /api}. A refusal (any engine exception, a refused API request) is an outcome the model
 * expects, not a failure; an honest move that breaks in any other way is one.
 */
final class PolicySequence {

  /** Every sequence starts at the same instant, so that a seed replays the same sequence. */
  static final Instant START = Instant.parse("2026-11-02T09:00:00Z");
  static final String FORGED_MONEY = "99999.00";
  static final Set<String> RESOLUTIONS =
      Set.of("FULL_REFUND", "PARTIAL_REFUND", "RETURN_AND_REFUND", "REPLACEMENT");
  static final List<String> REASONS =
      List.of("NOT_RECEIVED", "DAMAGED", "NOT_AS_DESCRIBED", "QUALITY_PROBLEM", "QUANTITY_PROBLEM");
  static final List<String> DETAILS = List.of("BRAND", "MODEL", "SIZE", "COLOR", "DOES_NOT_WORK",
      "OTHER");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Counts per move over the whole run: done, refused, refused in an unexpected way. */
  static final Map<String, int[]> STATS = new ConcurrentHashMap<>();

  /** The staff every sequence shares. */
  record Staff(Actor mediator, Actor mediatorAndSenior, Actor senior, Actor market, Actor admin) {}

  /** A broken invariant, or an honest move that failed, with what led there. */
  static final class Broken extends RuntimeException {
    Broken(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private interface Action {
    void run() throws Exception;
  }

  /** A move: applicable when the snapshot shows something to do it on; an attempt may still find nothing. */
  private record Move(String name, int weight, boolean hostile, BooleanSupplier applicable,
      BooleanSupplier attempt) {}

  /** How far the sequences got: timeline entries, closures and appeal outcomes, counted. */
  static final Map<String, Integer> REACHED = new ConcurrentHashMap<>();

  /** CPU nanoseconds of the test's thread spent in moves and in checks over the whole run. */
  static final long[] TIME = new long[2];
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  final long seed;
  final int number;
  private final Random random;
  private final PolicyWorld w;
  private final PolicyInvariants invariants;
  private final Staff staff;
  private final boolean withHostileMoves;
  /** When set, only the hostile moves whose names contain one of these (lower case). */
  private final List<String> hostileOnly;
  private final Actor buyer;
  private final Actor buyer2;
  private final Actor seller;
  private final Actor seller2;
  private final List<String> orderIds = new ArrayList<>();
  private final Set<String> backDoor = new LinkedHashSet<>();
  private final Map<String, Integer> ordinals = new HashMap<>();
  private final List<String> log = new ArrayList<>();
  private final List<Move> moves = new ArrayList<>();
  private PolicySnapshot now;
  private OffsetDateTime noticesSince;
  private int step;
  /** A hostile move went through: from then on an odd failure is its consequence. */
  private boolean tainted;

  PolicySequence(long seed, int number, PolicyWorld world, PolicyInvariants invariants,
      Staff staff, List<Actor> parties, boolean withHostileMoves, List<String> hostileOnly) {
    this.seed = seed;
    this.number = number;
    this.random = new Random(seed);
    this.w = world;
    this.invariants = invariants;
    this.staff = staff;
    this.withHostileMoves = withHostileMoves;
    this.hostileOnly = hostileOnly;
    this.buyer = parties.get(0);
    this.buyer2 = parties.get(1);
    this.seller = parties.get(2);
    this.seller2 = parties.get(3);
    declareMoves();
  }

  List<String> log() {
    return log;
  }

  void run(int steps) {
    ClockUtil.setCurrentTime(Date.from(START));
    w.lostPaymentAnswers.set(0);
    try {
      w.smtp.purgeEmailFromAllMailboxes();
    } catch (Exception e) {
      throw new IllegalStateException("cannot empty the test mail server", e);
    }
    noticesSince = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
    now = PolicySnapshot.read(w, orderIds);
    int firstOrders = 1 + random.nextInt(2);
    for (int i = 0; i < firstOrders; i++) {
      pushOrder();
    }
    observe();
    for (step = 1; step <= steps; step++) {
      long started = THREADS.getCurrentThreadCpuTime();
      pickAndRun();
      long moved = THREADS.getCurrentThreadCpuTime();
      observe();
      TIME[0] += moved - started;
      TIME[1] += THREADS.getCurrentThreadCpuTime() - moved;
    }
  }

  private void observe() {
    now = PolicySnapshot.read(w, orderIds);
    numberRecords();
    List<Violation> broken = invariants.check(now, orderIds, noticesSince);
    if (!broken.isEmpty()) {
      throw new Broken("invariant broken after step " + step + ": " + broken, null);
    }
  }

  private void pickAndRun() {
    List<Move> candidates = new ArrayList<>();
    for (Move move : moves) {
      if (move.applicable().getAsBoolean()) {
        candidates.add(move);
      }
    }
    while (!candidates.isEmpty()) {
      int roll = random.nextInt(candidates.stream().mapToInt(Move::weight).sum());
      for (Move move : candidates) {
        roll -= move.weight();
        if (roll < 0) {
          if (move.attempt().getAsBoolean()) {
            // The job executor usually runs what a move left due at once; now and then a
            // party's next move comes first.
            if (random.nextInt(4) > 0) {
              runJobs("job executor");
            }
            return;
          }
          candidates.remove(move);
          break;
        }
      }
    }
    runJobs("job executor");
  }

  // ---------------------------------------------------------------- the moves

  private void declareMoves() {
    BooleanSupplier always = () -> true;
    BooleanSupplier orders = () -> !now.orders.isEmpty();
    BooleanSupplier disputes = () -> !now.disputes.isEmpty();
    BooleanSupplier openDisputes = () -> now.disputes.values().stream().anyMatch(d -> !d.closed());
    BooleanSupplier closedDisputes = () -> now.disputes.values().stream().anyMatch(DisputeRow::closed);
    BooleanSupplier contacts = () -> !now.contacts.isEmpty();
    BooleanSupplier tasks = () -> !now.tasks.isEmpty();
    BooleanSupplier partyTasks = () -> !partyTasks().isEmpty();
    // The clock and the job executor.
    add("run due jobs", 4, false, always, () -> runJobs("job executor"));
    add("time passes", 6, false, always, this::timePasses);
    add("job executed twice", 2, false, always, this::jobTwice);
    add("payment provider loses its answer", 1, false, () -> w.lostPaymentAnswers.get() == 0,
        this::loseAnswer);
    add("operator retries a failed job", 2, false, always, this::operatorRetries);
    // The marketplace.
    add("marketplace pushes an order", 2, false, () -> orderIds.size() < 4, this::pushOrder);
    add("marketplace changes an order", 1, false, orders, this::changeOrder);
    add("marketplace opens a dispute for a buyer", 1, false, orders, () -> openDispute(true));
    // Buyers and sellers.
    add("buyer writes to the seller", 2, false, orders, this::openContact);
    add("buyer opens a dispute", 3, false, orders, () -> openDispute(false));
    add("party posts in a contact", 1, false, contacts, this::postInContact);
    add("party uses /api/disputes", 3, false, openDisputes, this::disputeApi);
    add("party appeals", 4, false, closedDisputes, this::appeal);
    for (String key : List.of("ReplyToBuyer", "ConfirmIssueResolved", "RespondToDispute",
        "ReviewSellerResponse", "ProvideEvidence", "ShipReturn", "ConfirmReturnReceived")) {
      add("party completes " + key, 8, false, () -> !now.tasks(key).isEmpty(),
          () -> partyCompletes(key));
    }
    // Staff.
    BooleanSupplier decisions = () -> !now.tasks("DecideDispute").isEmpty();
    BooleanSupplier reviews = () -> !now.tasks("ReviewAppeal").isEmpty();
    add("mediator claims or releases", 1, false, decisions, this::mediatorClaims);
    add("mediator decides", 10, false, decisions, this::mediatorDecides);
    add("senior mediator reviews an appeal", 10, false, reviews, this::seniorReviews);
    if (!withHostileMoves) {
      return;
    }
    add("buyer accepts an offer with a forged amount", 3, true,
        () -> !now.tasks("ReviewSellerResponse").isEmpty(), this::forgedAcceptOffer);
    add("party completes own task with a forged field", 4, true, partyTasks,
        this::forgedFieldOnOwnTask);
    add("party sets a variable on own task", 3, true, partyTasks, this::setTaskVariable);
    add("party writes to its instance through the engine", 2, true, openDisputes,
        this::partyWritesInstance);
    add("buyer starts with start instructions", 2, true, orders, this::startInstructions);
    add("someone completes a task not theirs", 3, true, tasks, this::othersTask);
    add("party hands its task to someone else", 2, true, partyTasks, this::reassign);
    add("amount over the order", 2, true, orders, this::overAmount);
    add("stranger uses another's dispute or contact", 2, true,
        () -> !now.disputes.isEmpty() || !now.contacts.isEmpty(), this::stranger);
    add("forged start variables", 2, true, orders, this::forgedStart);
    add("invalid order document", 1, true, always, this::invalidOrder);
  }

  private void add(String name, int weight, boolean hostile, BooleanSupplier applicable,
      BooleanSupplier attempt) {
    if (hostile && hostileOnly != null && hostileOnly.stream()
        .noneMatch(part -> name.toLowerCase().contains(part))) {
      return;
    }
    moves.add(new Move(name, weight, hostile, applicable, attempt));
  }

  // ---- clock and jobs

  /**
   * Time passes: up to a waiting timer (the next one, or any), so that deadlines, reminders and
   * SLAs fire as the engine would fire them; sometimes just an hour or a day.
   */
  private boolean timePasses() {
    List<Job> timers = w.managementService.createJobQuery().timers().orderByJobDuedate().asc()
        .orderByJobId().asc().list();
    Instant to;
    if (!timers.isEmpty() && random.nextInt(5) > 0) {
      Job timer = random.nextInt(3) > 0 ? timers.get(0) : timers.get(random.nextInt(timers.size()));
      to = timer.getDuedate().toInstant().plus(Duration.ofMinutes(1));
    } else {
      to = now().plus(random.nextBoolean() ? Duration.ofHours(1) : Duration.ofDays(1));
    }
    if (to.isAfter(now())) {
      ClockUtil.setCurrentTime(Date.from(to));
    }
    note("clock -> " + now());
    return runJobs("timers due");
  }

  /** Runs every due job of the sequence's instances, as the job executor would, until none. */
  private boolean runJobs(String why) {
    int ran = 0;
    for (int round = 0; round < 40; round++) {
      List<Job> due = dueJobs();
      if (due.isEmpty()) {
        break;
      }
      for (Job job : due) {
        ran++;
        execute(job, why);
      }
    }
    if (ran > 0) {
      note(why + " ran " + ran + " job(s)");
      count("run due jobs", 0);
    }
    return true;
  }

  private void execute(Job job, String why) {
    try {
      w.managementService.executeJob(job.getId());
    } catch (RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      note(why + ": job " + job.getId() + " failed: " + e.getClass().getSimpleName() + ": "
          + abbreviate(message));
      if (!message.contains("answer lost after payment") && !tainted
          && !(e instanceof ProcessEngineException && message.contains("No job found"))) {
        throw new Broken("a job of an honest sequence failed at step " + step, e);
      }
    }
  }

  /**
   * The jobs due now. Sequences run one after the other and each deletes what it left running,
   * so every job of the engine is this sequence's.
   */
  private List<Job> dueJobs() {
    return w.managementService.createJobQuery().executable().orderByJobDuedate().asc()
        .orderByJobId().asc().list();
  }

  private List<Job> allJobs() {
    return w.managementService.createJobQuery().orderByJobDuedate().asc().orderByJobId().asc()
        .list();
  }

  /** Counts what the sequence's records went through, for the report of the run. */
  void countReached() {
    if (orderIds.isEmpty()) {
      return;
    }
    w.jdbc.sql("""
        select e.event_type, count(*) from dispute_event e join dispute d on d.dispute_id = e.dispute_id
        where d.order_id in (:ids) group by e.event_type""")
        .param("ids", orderIds)
        .query((rs, i) -> REACHED.merge(rs.getString(1), rs.getInt(2), Integer::sum)).list();
    w.jdbc.sql("""
        select 'closed ' || coalesce(closure_reason, '?'), count(*) from dispute
        where order_id in (:ids) and closed_at is not null group by closure_reason""")
        .param("ids", orderIds)
        .query((rs, i) -> REACHED.merge(rs.getString(1), rs.getInt(2), Integer::sum)).list();
    w.jdbc.sql("""
        select 'appeal ' || a.status || coalesce(' ' || a.decision, '')
          || coalesce(' ' || a.rejected_reason, ''), count(*)
        from appeal a join dispute d on d.dispute_id = a.dispute_id
        where d.order_id in (:ids) group by a.status, a.decision, a.rejected_reason""")
        .param("ids", orderIds)
        .query((rs, i) -> REACHED.merge(rs.getString(1), rs.getInt(2), Integer::sum)).list();
    w.jdbc.sql("""
        select 'contact ' || status, count(*) from contact where order_id in (:ids)
        group by status""")
        .param("ids", orderIds)
        .query((rs, i) -> REACHED.merge(rs.getString(1), rs.getInt(2), Integer::sum)).list();
  }

  /** Ends whatever the sequence left running, so that the next one starts from a quiet engine. */
  void cleanUp() {
    try {
      endEveryInstance(w.runtimeService, "sequence over");
    } catch (RuntimeException e) {
      System.out.println("PolicyInvariantsTest: could not end sequence " + number + "'s instances: "
          + e);
    }
  }

  /** Ends every running instance: the invariants read every task and instance of the engine. */
  static void endEveryInstance(RuntimeService runtimeService, String reason) {
    List<String> running = runtimeService.createProcessInstanceQuery().rootProcessInstances()
        .list().stream().map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtimeService.deleteProcessInstances(running, reason, true, true);
    }
  }

  private boolean jobTwice() {
    List<Job> due = dueJobs();
    if (due.isEmpty()) {
      return false;
    }
    Job job = due.get(random.nextInt(due.size()));
    note("job executor runs job " + job.getId() + " twice");
    execute(job, "first run");
    execute(job, "second run");
    count("job executed twice", 0);
    return true;
  }

  private boolean loseAnswer() {
    int times = 1 + random.nextInt(2);
    w.lostPaymentAnswers.set(times);
    note("the payment provider will lose its next " + times + " answer(s)");
    count("payment provider loses its answer", 0);
    return true;
  }

  private boolean operatorRetries() {
    List<Job> failed = allJobs().stream()
        .filter(job -> job.getExceptionMessage() != null || job.getRetries() == 0).toList();
    if (failed.isEmpty()) {
      return false;
    }
    Job job = failed.get(random.nextInt(failed.size()));
    act("operator retries a failed job", false, staff.admin(), "retries job " + job.getId(),
        () -> w.managementService.setJobRetries(job.getId(), 1));
    execute(job, "operator's retry");
    return true;
  }

  // ---- the marketplace

  private boolean pushOrder() {
    if (orderIds.size() >= 4) {
      return false;
    }
    Actor orderBuyer = random.nextInt(5) == 0 ? buyer2 : buyer;
    Actor orderSeller = random.nextInt(5) == 0 ? seller2 : seller;
    String orderId = "PO-" + number + "-" + (orderIds.size() + 1);
    // Most orders are eligible for a dispute; some show one of the eligibility rules.
    boolean odd = random.nextInt(6) == 0;
    String type = odd && random.nextBoolean() ? (random.nextBoolean() ? "DIGITAL" : "CUSTOM")
        : "PHYSICAL";
    int shippedAgo = odd && random.nextBoolean() ? 4 : 12 + random.nextInt(30);
    int protectionLeft = odd && random.nextBoolean() ? 10 : 60 + random.nextInt(60);
    String amount = money(500 + random.nextInt(29500));
    ObjectNode doc = orderDocument(orderBuyer.id(), orderSeller.id(), amount, type, shippedAgo,
        protectionLeft, null);
    orderIds.add(orderId);
    act("marketplace pushes an order", false, staff.market(),
        "order " + orderId + " " + orderBuyer + "/" + orderSeller + " " + type + " " + amount
            + " shipped " + shippedAgo + "d ago, protection " + protectionLeft + "d",
        () -> w.orders.upsert(OrderDocument.parse(orderId, doc)));
    return true;
  }

  private boolean changeOrder() {
    Optional<OrderRow> picked = pick(new ArrayList<>(now.orders.values()), OrderRow::orderId);
    if (picked.isEmpty()) {
      return false;
    }
    OrderRow order = picked.get();
    boolean disputed = now.disputes.values().stream()
        .anyMatch(d -> d.orderId().equals(order.orderId()));
    // A price the marketplace corrects before anyone disputed the order; afterwards only the
    // shipping facts change (what the order cost is not rewritten under a dispute).
    String amount = disputed || random.nextBoolean() ? order.amount().toPlainString()
        : money(500 + random.nextInt(29500));
    String delivered = random.nextBoolean() ? now().minus(Duration.ofDays(1)).toString() : null;
    ObjectNode doc = orderDocument(order.buyerId(), order.sellerId(), amount, "PHYSICAL",
        20, 40, delivered);
    act("marketplace changes an order", false, staff.market(), "order " + order.orderId()
        + " amount " + amount + " delivered " + delivered,
        () -> w.orders.upsert(OrderDocument.parse(order.orderId(), doc)));
    return true;
  }

  private ObjectNode orderDocument(String buyerId, String sellerId, String amount, String type,
      int shippedAgo, int protectionLeft, String deliveredAt) {
    Instant shipped = now().minus(Duration.ofDays(shippedAgo));
    ObjectNode doc = JSON.createObjectNode();
    doc.put("buyerId", buyerId);
    doc.put("sellerId", sellerId);
    doc.put("title", "Test item");
    doc.put("amount", amount);
    doc.put("currency", "USD");
    doc.put("itemType", type);
    doc.put("shippedAt", shipped.toString());
    doc.put("estimatedDeliveryAt", shipped.plus(Duration.ofDays(8)).toString());
    doc.put("deliveredAt", deliveredAt);
    doc.put("protectionEndsAt", now().plus(Duration.ofDays(protectionLeft)).toString());
    doc.put("trackingNumber", "LP" + (100000 + random.nextInt(900000)));
    return doc;
  }

  // ---- buyers and sellers

  private boolean openContact() {
    Optional<OrderRow> order = pick(new ArrayList<>(now.orders.values()), OrderRow::orderId);
    if (order.isEmpty()) {
      return false;
    }
    Actor as = actor(order.get().buyerId());
    Map<String, Object> vars = new HashMap<>();
    vars.put("orderId", order.get().orderId());
    vars.put("buyerMessage", "Hello, my parcel has not arrived yet. Can you check the tracking?");
    act("buyer writes to the seller", false, as, "contact on " + order.get().orderId(),
        () -> w.runtimeService.startProcessInstanceByKey("sellerContact", vars));
    return true;
  }

  private boolean openDispute(boolean byMarketplace) {
    boolean any = random.nextInt(5) == 0;
    Optional<OrderRow> order = pick(now.orders.values().stream()
        .filter(o -> any || now.disputes.values().stream()
            .noneMatch(d -> d.orderId().equals(o.orderId()) && d.status() != null
                && (!d.closed() || "CANCELLED_BY_BUYER".equals(d.closureReason()))))
        .toList(), OrderRow::orderId);
    if (order.isEmpty()) {
      return false;
    }
    Map<String, Object> vars = claim(order.get().amount());
    vars.put("orderId", order.get().orderId());
    Actor as = actor(order.get().buyerId());
    if (byMarketplace) {
      vars.put("buyerId", order.get().buyerId());
      as = staff.market();
    }
    act(byMarketplace ? "marketplace opens a dispute for a buyer" : "buyer opens a dispute",
        false, as, "dispute on " + order.get().orderId() + " " + vars,
        () -> w.runtimeService.startProcessInstanceByKey("disputeMediation", vars));
    return true;
  }

  private boolean postInContact() {
    Optional<ContactRow> contact = pick(new ArrayList<>(now.contacts.values()),
        ContactRow::contactId);
    if (contact.isEmpty()) {
      return false;
    }
    Actor as = actor(random.nextBoolean() ? contact.get().buyerId() : contact.get().sellerId());
    act("party posts in a contact", false, as, "message in " + contact.get().contactId(),
        () -> w.contactApi.post(contact.get().contactId(),
            Map.of("message", "Any news? I am still waiting for an answer.")));
    return true;
  }

  private boolean disputeApi() {
    boolean late = random.nextInt(6) == 0;
    Optional<DisputeRow> dispute = pick(now.disputes.values().stream()
        .filter(d -> d.closed() == late).toList(), DisputeRow::disputeId);
    if (dispute.isEmpty()) {
      return false;
    }
    DisputeRow d = dispute.get();
    int choice = random.nextInt(4);
    String id = d.disputeId();
    switch (choice) {
      case 0 -> act("party uses /api/disputes", false, actor(d.buyerId()), "buyer escalates " + id,
          () -> w.disputeApi.escalate(id, null, null));
      case 1 -> act("party uses /api/disputes", false, actor(d.sellerId()),
          "seller escalates " + id, () -> w.disputeApi.escalate(id, null, null));
      case 2 -> act("party uses /api/disputes", false, actor(d.buyerId()), "buyer cancels " + id,
          () -> w.disputeApi.cancel(id));
      default -> {
        Map<String, Object> changes = new HashMap<>();
        changes.put("description", "Still nothing: the carrier says the parcel was lost in transit.");
        if (random.nextBoolean()) {
          changes.putAll(resolution(d.orderAmount(), "requestedResolution", "requestedAmount"));
        }
        act("party uses /api/disputes", false, actor(d.buyerId()), "buyer modifies " + id + " "
            + changes, () -> w.disputeApi.modify(id, changes));
      }
    }
    return true;
  }

  private boolean appeal() {
    // Mostly disputes that can be appealed; now and then one that cannot (still open, cancelled,
    // refused), which the appeal refuses as an outcome.
    boolean refusable = random.nextInt(5) == 0;
    List<DisputeRow> appealable = now.disputes.values().stream()
        .filter(d -> refusable != (d.closed() && d.appealId() == null && Set.of("AGREEMENT",
            "PLATFORM_DECISION", "BUYER_NO_RESPONSE").contains(d.closureReason()))).toList();
    Optional<DisputeRow> dispute = pick(new ArrayList<>(appealable), DisputeRow::disputeId);
    if (dispute.isEmpty()) {
      return false;
    }
    Actor as = actor(random.nextInt(3) == 0 ? dispute.get().sellerId() : dispute.get().buyerId());
    Map<String, Object> vars = new HashMap<>();
    vars.put("disputeId", dispute.get().disputeId());
    vars.put("appealStatement", "The carrier has now confirmed in writing that the parcel was lost.");
    act("party appeals", false, as, "appeal of " + dispute.get().disputeId(),
        () -> w.runtimeService.startProcessInstanceByKey("appealTicket", vars));
    return true;
  }

  private boolean partyCompletes(String key) {
    Optional<TaskRow> task = pickTask(now.tasks(key));
    if (task.isEmpty()) {
      return false;
    }
    String holder = rightful(task.get());
    if (holder == null) {
      return false;
    }
    Map<String, Object> answer = answer(task.get());
    complete("party completes " + key, false, actor(holder), task.get(), answer);
    return true;
  }

  // ---- staff

  private boolean mediatorClaims() {
    Optional<TaskRow> task = pickTask(now.tasks("DecideDispute"));
    if (task.isEmpty()) {
      return false;
    }
    Actor mediator = random.nextBoolean() ? staff.mediator() : staff.mediatorAndSenior();
    if (task.get().assignee() != null && random.nextBoolean()) {
      Actor holder = task.get().assignee().equals(staff.mediator().id()) ? staff.mediator()
          : staff.mediatorAndSenior();
      act("mediator claims or releases", false, holder, "releases " + task.get().id(),
          () -> w.taskService.setAssignee(task.get().id(), null));
    } else {
      act("mediator claims or releases", false, mediator, "claims " + task.get().id(),
          () -> w.taskService.claim(task.get().id(), mediator.id()));
    }
    return true;
  }

  private boolean mediatorDecides() {
    Optional<TaskRow> task = pickTask(now.tasks("DecideDispute"));
    if (task.isEmpty()) {
      return false;
    }
    Actor mediator = task.get().assignee() != null
        ? (task.get().assignee().equals(staff.mediator().id()) ? staff.mediator()
            : staff.mediatorAndSenior())
        : (random.nextBoolean() ? staff.mediator() : staff.mediatorAndSenior());
    complete("mediator decides", false, mediator, task.get(), answer(task.get()));
    return true;
  }

  private boolean seniorReviews() {
    Optional<TaskRow> task = pickTask(now.tasks("ReviewAppeal"));
    if (task.isEmpty()) {
      return false;
    }
    Actor senior = random.nextInt(3) == 0 ? staff.mediatorAndSenior() : staff.senior();
    if (random.nextInt(3) == 0) {
      act("senior mediator reviews an appeal", false, senior, "claims " + task.get().id(),
          () -> w.taskService.claim(task.get().id(), senior.id()));
    } else {
      complete("senior mediator reviews an appeal", false, senior, task.get(),
          answer(task.get()));
    }
    return true;
  }

  // ---- hostile moves

  private boolean forgedAcceptOffer() {
    Optional<TaskRow> task = pickTask(now.tasks("ReviewSellerResponse"));
    if (task.isEmpty() || rightful(task.get()) == null) {
      return false;
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put("buyerDecision", "ACCEPT_OFFER");
    vars.put("offerAmount", FORGED_MONEY);
    if (random.nextBoolean()) {
      // Claims there was a counter offer and that it was a partial refund of that much.
      vars.put("sellerResponse", "COUNTER_OFFER");
      vars.put("offerResolution", "PARTIAL_REFUND");
    }
    complete("buyer accepts an offer with a forged amount", true, actor(rightful(task.get())),
        task.get(), vars);
    return true;
  }

  private boolean forgedFieldOnOwnTask() {
    Optional<TaskRow> task = pickTask(partyTasks());
    if (task.isEmpty()) {
      return false;
    }
    Actor holder = actor(rightful(task.get()));
    Map<String, Object> vars = answer(task.get());
    Map.Entry<String, Object> forged = forgedField(task.get(), holder);
    vars.put(forged.getKey(), forged.getValue());
    complete("party completes own task with a forged field", true, holder, task.get(), vars);
    return true;
  }

  private boolean setTaskVariable() {
    Optional<TaskRow> task = pickTask(partyTasks());
    if (task.isEmpty()) {
      return false;
    }
    Actor holder = actor(rightful(task.get()));
    Map.Entry<String, Object> forged = forgedField(task.get(), holder);
    boolean local = random.nextInt(3) == 0;
    act("party sets a variable on own task", true, holder, (local ? "local " : "")
        + forged.getKey() + "=" + forged.getValue() + " on " + task.get().key() + " "
        + task.get().id(), () -> {
          if (local) {
            w.taskService.setVariableLocal(task.get().id(), forged.getKey(), forged.getValue());
          } else {
            w.taskService.setVariable(task.get().id(), forged.getKey(), forged.getValue());
          }
        });
    return true;
  }

  private boolean partyWritesInstance() {
    Optional<DisputeRow> dispute = pick(now.disputes.values().stream()
        .filter(d -> !d.closed()).toList(), DisputeRow::disputeId);
    if (dispute.isEmpty()) {
      return false;
    }
    DisputeRow d = dispute.get();
    Actor party = actor(random.nextBoolean() ? d.buyerId() : d.sellerId());
    String pi = d.processInstanceId();
    switch (random.nextInt(4)) {
      case 0 -> act("party writes to its instance through the engine", true, party,
          "sets orderAmount on " + d.disputeId(),
          () -> w.runtimeService.setVariable(pi, "orderAmount", FORGED_MONEY));
      case 1 -> act("party writes to its instance through the engine", true, party,
          "modifies " + d.disputeId() + " to start before CarryOutResolution",
          () -> w.runtimeService.createProcessInstanceModification(pi)
              .startBeforeActivity("CarryOutResolution")
              .setVariable("resolution", "FULL_REFUND").setVariable("refundAmount", FORGED_MONEY)
              .execute());
      case 2 -> act("party writes to its instance through the engine", true, party,
          "correlates DisputeCancelled on " + d.disputeId(),
          () -> w.runtimeService.createMessageCorrelation("DisputeCancelled")
              .processInstanceBusinessKey(d.disputeId()).correlate());
      default -> act("party writes to its instance through the engine", true, party,
          "correlates DisputeEscalationRequested with buyerId on " + d.disputeId(),
          () -> w.runtimeService.createMessageCorrelation("DisputeEscalationRequested")
              .processInstanceBusinessKey(d.disputeId()).setVariable("buyerId", party.id())
              .correlate());
    }
    return true;
  }

  private boolean startInstructions() {
    Optional<OrderRow> order = pick(new ArrayList<>(now.orders.values()), OrderRow::orderId);
    if (order.isEmpty()) {
      return false;
    }
    OrderRow o = order.get();
    Actor as = actor(o.buyerId());
    Optional<DisputeRow> own = pick(now.disputes.values().stream()
        .filter(d -> d.orderId().equals(o.orderId())).toList(), DisputeRow::disputeId);
    String disputeId = own.map(DisputeRow::disputeId).orElse("D-2222" + (2222 + number % 7000));
    String resolution = random.nextInt(3) == 0 ? "RETURN_AND_REFUND" : "FULL_REFUND";
    String amount = random.nextBoolean() ? FORGED_MONEY : o.amount().toPlainString();
    String activity = random.nextInt(4) == 0 ? "ReviewSellerResponse" : "CarryOutResolution";
    boolean withKey = own.isPresent() && random.nextBoolean();
    Map<String, Object> vars = new HashMap<>();
    vars.put("orderId", o.orderId());
    vars.put("disputeId", disputeId);
    vars.put("buyerId", o.buyerId());
    vars.put("sellerId", o.sellerId());
    vars.put("currency", "USD");
    vars.put("orderAmount", o.amount().toPlainString());
    vars.put("resolution", resolution);
    vars.put("refundAmount", amount);
    vars.put("negotiationOutcome", "AGREEMENT");
    vars.put("sellerResponse", "COUNTER_OFFER");
    vars.put("offerResolution", "PARTIAL_REFUND");
    vars.put("offerAmount", FORGED_MONEY);
    boolean direct = random.nextInt(5) == 0;
    act("buyer starts with start instructions", true, as, (direct ? "starts returnAndRefund"
        : "starts disputeMediation before " + activity) + (withKey ? " as " + disputeId : "")
        + " with disputeId " + disputeId + " " + resolution + " " + amount, () -> {
          ProcessInstance pi;
          if (direct) {
            pi = w.runtimeService.startProcessInstanceByKey("returnAndRefund", disputeId, vars);
          } else {
            var builder = w.runtimeService.createProcessInstanceByKey("disputeMediation")
                .startBeforeActivity(activity).setVariables(vars);
            if (withKey) {
              builder.businessKey(disputeId);
            }
            pi = builder.execute();
          }
          backDoor.add(pi.getRootProcessInstanceId());
        });
    return true;
  }

  private boolean othersTask() {
    Optional<TaskRow> task = pickTask(now.tasks);
    if (task.isEmpty()) {
      return false;
    }
    String holder = rightful(task.get());
    List<Actor> others = new ArrayList<>();
    for (Actor a : List.of(buyer, buyer2, seller, seller2, staff.mediator())) {
      if (!a.id().equals(holder) && !a.id().equals(task.get().assignee())) {
        others.add(a);
      }
    }
    if (!"DecideDispute".equals(task.get().key()) && !"ReviewAppeal".equals(task.get().key())
        && holder != null) {
      // The other party of the same record is the likeliest intruder.
      Parties parties = invariants.parties(now, task.get());
      String other = holder.equals(parties.buyerId()) ? parties.sellerId() : parties.buyerId();
      others.add(actor(other));
      others.add(actor(other));
    }
    others.removeIf(a -> "DecideDispute".equals(task.get().key()) && a == staff.mediator());
    Actor intruder = others.get(random.nextInt(others.size()));
    complete("someone completes a task not theirs", true, intruder, task.get(), answer(task.get()));
    return true;
  }

  private boolean reassign() {
    Optional<TaskRow> task = pickTask(partyTasks());
    if (task.isEmpty()) {
      return false;
    }
    String holder = rightful(task.get());
    Parties parties = invariants.parties(now, task.get());
    String other = holder.equals(parties.buyerId()) ? parties.sellerId() : parties.buyerId();
    String id = task.get().id();
    switch (random.nextInt(4)) {
      case 0 -> act("party hands its task to someone else", true, actor(holder),
          "sets assignee of " + task.get().key() + " " + id + " to " + other,
          () -> w.taskService.setAssignee(id, other));
      case 1 -> act("party hands its task to someone else", true, actor(holder),
          "adds candidate " + other + " to " + task.get().key() + " " + id,
          () -> w.taskService.addCandidateUser(id, other));
      case 2 -> act("party hands its task to someone else", true, actor(holder),
          "delegates " + task.get().key() + " " + id + " to " + other,
          () -> w.taskService.delegateTask(id, other));
      default -> act("party hands its task to someone else", true, actor(other),
          "claims " + task.get().key() + " " + id + " of " + holder,
          () -> w.taskService.claim(id, other));
    }
    return true;
  }

  private boolean overAmount() {
    List<TaskRow> candidates = new ArrayList<>();
    candidates.addAll(now.tasks("RespondToDispute"));
    candidates.addAll(now.tasks("DecideDispute"));
    candidates.addAll(now.tasks("ReviewAppeal"));
    Optional<TaskRow> task = pickTask(candidates);
    if (task.isEmpty()) {
      Optional<OrderRow> order = pick(new ArrayList<>(now.orders.values()), OrderRow::orderId);
      if (order.isEmpty()) {
        return false;
      }
      Map<String, Object> vars = claim(order.get().amount());
      vars.put("orderId", order.get().orderId());
      vars.put("requestedResolution", "PARTIAL_REFUND");
      vars.put("requestedAmount", over(order.get().amount()));
      act("amount over the order", true, actor(order.get().buyerId()), "claims "
          + vars.get("requestedAmount") + " on " + order.get().orderId(),
          () -> w.runtimeService.startProcessInstanceByKey("disputeMediation", vars));
      return true;
    }
    TaskRow t = task.get();
    BigDecimal amount = orderAmount(t);
    Map<String, Object> vars = new HashMap<>();
    Actor as;
    switch (t.key()) {
      case "RespondToDispute" -> {
        vars.put("sellerResponse", "COUNTER_OFFER");
        vars.put("offerResolution", "PARTIAL_REFUND");
        vars.put("offerAmount", over(amount));
        as = actor(rightful(t));
      }
      case "DecideDispute" -> {
        vars.put("platformDecision", "PARTIAL_REFUND");
        vars.put("decisionRules", "MINOR_DEFECT_PARTIAL");
        vars.put("decisionAmount", over(amount));
        vars.put("decisionRationale", "The photos show damage on arrival.");
        as = staff.mediator();
      }
      default -> {
        vars.put("appealDecision", "OVERTURN");
        vars.put("decisionRules", "APPEAL_NEW_EVIDENCE");
        vars.put("appealRationale", "The carrier confirmed the loss.");
        vars.put("resolution", "PARTIAL_REFUND");
        vars.put("refundAmount", over(amount));
        as = staff.senior();
      }
    }
    complete("amount over the order", true, as, t, vars);
    return true;
  }

  private boolean stranger() {
    if (!now.disputes.isEmpty() && (now.contacts.isEmpty() || random.nextBoolean())) {
      DisputeRow d = pick(new ArrayList<>(now.disputes.values()), DisputeRow::disputeId).get();
      List<Actor> strangers = new ArrayList<>(List.of(buyer, buyer2, seller, seller2));
      strangers.removeIf(a -> a.id().equals(d.buyerId()) || a.id().equals(d.sellerId()));
      boolean sellerTries = strangers.isEmpty() || random.nextBoolean();
      Actor as = sellerTries ? actor(d.sellerId()) : strangers.get(random.nextInt(strangers.size()));
      String id = d.disputeId();
      if (random.nextBoolean()) {
        act("stranger uses another's dispute or contact", true, as, "cancels " + id,
            () -> w.disputeApi.cancel(id));
      } else if (!sellerTries && random.nextBoolean()) {
        act("stranger uses another's dispute or contact", true, as, "escalates " + id,
            () -> w.disputeApi.escalate(id, null, null));
      } else {
        act("stranger uses another's dispute or contact", true, as, "modifies " + id,
            () -> w.disputeApi.modify(id, Map.of("requestedResolution", "FULL_REFUND")));
      }
      return true;
    }
    Optional<ContactRow> contact = pick(new ArrayList<>(now.contacts.values()),
        ContactRow::contactId);
    if (contact.isEmpty()) {
      return false;
    }
    List<Actor> strangers = new ArrayList<>(List.of(buyer, buyer2, seller, seller2));
    strangers.removeIf(a -> a.id().equals(contact.get().buyerId())
        || a.id().equals(contact.get().sellerId()));
    if (strangers.isEmpty()) {
      return false;
    }
    Actor as = strangers.get(random.nextInt(strangers.size()));
    act("stranger uses another's dispute or contact", true, as,
        "posts in " + contact.get().contactId(),
        () -> w.contactApi.post(contact.get().contactId(), Map.of("message", "I am the buyer.")));
    return true;
  }

  private boolean forgedStart() {
    Optional<OrderRow> order = pick(new ArrayList<>(now.orders.values()), OrderRow::orderId);
    if (order.isEmpty()) {
      return false;
    }
    OrderRow o = order.get();
    Actor owner = actor(o.buyerId());
    Actor other = owner == buyer ? buyer2 : buyer;
    switch (random.nextInt(5)) {
      case 0 -> {
        Map<String, Object> vars = claim(o.amount());
        vars.put("orderId", o.orderId());
        vars.put("buyerId", owner.id());
        act("forged start variables", true, other, "opens a dispute on " + o.orderId()
            + " as buyerId " + owner, () -> w.runtimeService.startProcessInstanceByKey(
                "disputeMediation", vars));
      }
      case 1 -> {
        Map<String, Object> vars = claim(o.amount());
        vars.put("orderId", o.orderId());
        vars.put("sellerId", owner.id());
        vars.put("orderAmount", FORGED_MONEY);
        vars.put("refundAmount", FORGED_MONEY);
        vars.put("disputeId", "D-33333333");
        act("forged start variables", true, owner, "opens a dispute on " + o.orderId()
            + " with sellerId, orderAmount, refundAmount and disputeId of its own",
            () -> w.runtimeService.startProcessInstanceByKey("disputeMediation", vars));
      }
      case 2 -> {
        Map<String, Object> vars = new HashMap<>();
        vars.put("orderId", o.orderId());
        vars.put("buyerId", owner.id());
        vars.put("buyerMessage", "Hello from someone else.");
        act("forged start variables", true, other, "writes to the seller of " + o.orderId()
            + " as buyerId " + owner,
            () -> w.runtimeService.startProcessInstanceByKey("sellerContact", vars));
      }
      default -> {
        Optional<DisputeRow> dispute = pick(new ArrayList<>(now.disputes.values()),
            DisputeRow::disputeId);
        if (dispute.isEmpty()) {
          return false;
        }
        DisputeRow d = dispute.get();
        Map<String, Object> vars = new HashMap<>();
        vars.put("disputeId", d.disputeId());
        vars.put("appealStatement", "The carrier has now confirmed in writing that it was lost.");
        vars.put("disputeResolution", "NONE");
        vars.put("disputeRefundAmount", "0.00");
        vars.put("orderAmount", FORGED_MONEY);
        vars.put("decidedBy", "nobody");
        boolean asOther = random.nextBoolean();
        Actor as = asOther ? other : actor(d.buyerId());
        if (asOther) {
          vars.put("appellantId", d.buyerId());
        }
        act("forged start variables", true, as, "appeals " + d.disputeId()
            + (asOther ? " as appellantId " + d.buyerId() : "") + " with forged outcome fields",
            () -> w.runtimeService.startProcessInstanceByKey("appealTicket", vars));
      }
    }
    return true;
  }

  private boolean invalidOrder() {
    String orderId = "PO-" + number + "-bad";
    String amount = List.of("-5.00", "12.345", "0.00", "1e3").get(random.nextInt(4));
    ObjectNode doc = orderDocument(buyer.id(), seller.id(), "10.00", "PHYSICAL", 20, 40, null);
    doc.put("amount", amount);
    act("invalid order document", true, staff.market(), "order " + orderId + " amount " + amount,
        () -> w.orders.upsert(OrderDocument.parse(orderId, doc)));
    return true;
  }

  // ---------------------------------------------------------------- answers

  /** The answer the task's rightful worker would give, with the task's own fields only. */
  private Map<String, Object> answer(TaskRow task) {
    Map<String, Object> vars = new HashMap<>();
    BigDecimal amount = orderAmount(task);
    switch (task.key()) {
      case "ReplyToBuyer" -> vars.put("sellerMessage", "Sorry for the delay, I will check with the carrier.");
      case "ConfirmIssueResolved" -> {
        int choice = random.nextInt(3);
        vars.put("issueResolved", choice == 0);
        if (choice > 0) {
          vars.put("openDispute", choice == 2);
        }
        if (choice == 2) {
          vars.putAll(claim(amount));
        }
      }
      case "RespondToDispute" -> {
        int choice = random.nextInt(10);
        if (choice < 3) {
          vars.put("sellerResponse", "ACCEPT");
        } else if (choice < 7) {
          vars.put("sellerResponse", "COUNTER_OFFER");
          vars.putAll(resolution(amount, "offerResolution", "offerAmount"));
        } else {
          vars.put("sellerResponse", "REJECT");
          vars.put("sellerComment", "Tracking shows the parcel was delivered to the front door.");
        }
      }
      case "ReviewSellerResponse" -> {
        List<String> decisions = new ArrayList<>(List.of("ESCALATE", "REVISE_CLAIM", "CANCEL"));
        if (hasOpenOffer(task.businessKey())) {
          decisions.addAll(List.of("ACCEPT_OFFER", "ACCEPT_OFFER", "ACCEPT_OFFER"));
        }
        String decision = decisions.get(random.nextInt(decisions.size()));
        vars.put("buyerDecision", decision);
        if ("REVISE_CLAIM".equals(decision)) {
          vars.put("description", "I would accept a partial refund for the damaged packaging.");
          vars.putAll(resolution(amount, "requestedResolution", "requestedAmount"));
        }
      }
      case "ProvideEvidence" -> vars.put("evidenceNote", "Photos of the parcel as it arrived.");
      case "ShipReturn" -> vars.put("returnTrackingNumber", random.nextInt(10) == 0 ? "x"
          : "RT" + (100000 + random.nextInt(900000)));
      case "ConfirmReturnReceived" -> { }
      case "DecideDispute" -> {
        List<String> decisions = List.of("FULL_REFUND", "PARTIAL_REFUND", "RETURN_AND_REFUND",
            "REJECT_CLAIM", "REQUEST_EVIDENCE");
        String decision = decisions.get(random.nextInt(decisions.size()));
        vars.put("platformDecision", decision);
        vars.put("decisionRationale", "Decided on the tracking data and the photos.");
        if ("PARTIAL_REFUND".equals(decision)) {
          vars.put("decisionAmount", partial(amount));
        }
        if ("REQUEST_EVIDENCE".equals(decision)) {
          vars.put("evidenceRequestedFrom", random.nextBoolean() ? "BUYER" : "SELLER");
          vars.put("evidenceRequest", "Please send photos of the item and the packaging.");
        } else {
          vars.put("decisionRules", "SELLER_UNRESPONSIVE");
        }
      }
      case "ReviewAppeal" -> {
        vars.put("appealRationale", "Reviewed the case file and the appellant's statement.");
        vars.put("decisionRules", "APPEAL_NOTHING_NEW");
        if (random.nextBoolean()) {
          vars.put("appealDecision", "UPHOLD");
        } else {
          vars.put("appealDecision", "OVERTURN");
          List<String> outcomes = List.of("FULL_REFUND", "PARTIAL_REFUND", "RETURN_AND_REFUND",
              "REPLACEMENT", "NONE");
          String outcome = outcomes.get(random.nextInt(outcomes.size()));
          vars.put("resolution", outcome);
          if ("PARTIAL_REFUND".equals(outcome)) {
            vars.put("refundAmount", partial(amount));
          }
        }
      }
      default -> { }
    }
    return vars;
  }

  /** A forged field a party might slip into its own task: money, identities, outcomes. */
  private Map.Entry<String, Object> forgedField(TaskRow task, Actor self) {
    Parties parties = invariants.parties(now, task);
    String otherDispute = now.disputes.keySet().stream()
        .filter(id -> !id.equals(parties.disputeId())).findFirst().orElse("D-44444444");
    String otherOrder = orderIds.get(random.nextInt(orderIds.size()));
    List<Map.Entry<String, Object>> fields = List.of(
        Map.entry("refundAmount", FORGED_MONEY),
        Map.entry("orderAmount", FORGED_MONEY),
        Map.entry("offerAmount", FORGED_MONEY),
        Map.entry("requestedAmount", FORGED_MONEY),
        Map.entry("decisionAmount", FORGED_MONEY),
        Map.entry("resolution", "FULL_REFUND"),
        Map.entry("buyerId", self.id()),
        Map.entry("sellerId", self.id()),
        Map.entry("evidenceParty", self.id()),
        Map.entry("disputeId", otherDispute),
        Map.entry("orderId", otherOrder),
        Map.entry("closureReason", "AGREEMENT"),
        Map.entry("platformDecision", "FULL_REFUND"),
        Map.entry("negotiationOutcome", "AGREEMENT"),
        Map.entry("decidedBy", self.id()));
    return fields.get(random.nextInt(fields.size()));
  }

  private Map<String, Object> claim(BigDecimal orderAmount) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("reason", REASONS.get(random.nextInt(REASONS.size())));
    boolean received = random.nextBoolean();
    vars.put("itemReceived", received);
    if (received) {
      vars.put("problemDetail", DETAILS.get(random.nextInt(DETAILS.size())));
    }
    vars.put("description", "The parcel never arrived; tracking stopped two weeks ago.");
    vars.putAll(resolution(orderAmount, "requestedResolution", "requestedAmount"));
    return vars;
  }

  /** A resolution and, for a partial refund, an amount below the order's. */
  private Map<String, Object> resolution(BigDecimal orderAmount, String resolutionField,
      String amountField) {
    Map<String, Object> vars = new HashMap<>();
    List<String> choices = List.of("FULL_REFUND", "PARTIAL_REFUND", "RETURN_AND_REFUND",
        "REPLACEMENT");
    String resolution = choices.get(random.nextInt(choices.size()));
    vars.put(resolutionField, resolution);
    if ("PARTIAL_REFUND".equals(resolution)) {
      vars.put(amountField, partial(orderAmount));
    }
    return vars;
  }

  private String partial(BigDecimal orderAmount) {
    int cents = orderAmount == null ? 1000 : orderAmount.movePointRight(2).intValueExact();
    return money(1 + random.nextInt(Math.max(1, cents - 1)));
  }

  private String over(BigDecimal orderAmount) {
    BigDecimal base = orderAmount == null ? new BigDecimal("10.00") : orderAmount;
    return random.nextBoolean() ? base.toPlainString()
        : base.add(new BigDecimal(money(1 + random.nextInt(10000)))).toPlainString();
  }

  private static String money(int cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }

  private boolean hasOpenOffer(String disputeId) {
    return w.jdbc.sql("select count(*) from dispute_offer where dispute_id = :id"
            + " and status = 'PROPOSED'")
        .param("id", disputeId).query(Long.class).single() > 0;
  }

  private BigDecimal orderAmount(TaskRow task) {
    Parties parties = invariants.parties(now, task);
    if (parties != null && parties.disputeId() != null) {
      return now.dispute(w, parties.disputeId()).map(DisputeRow::orderAmount).orElse(null);
    }
    ContactRow contact = now.contacts.get(task.businessKey());
    if (contact != null && now.orders.containsKey(contact.orderId())) {
      return now.orders.get(contact.orderId()).amount();
    }
    return null;
  }

  // ---------------------------------------------------------------- doing

  private void complete(String move, boolean hostile, Actor as, TaskRow task,
      Map<String, Object> vars) {
    boolean form = random.nextInt(4) == 0;
    act(move, hostile, as, (form ? "submits form of " : "completes ") + task.key() + " "
        + task.id() + " of " + task.businessKey() + " with " + vars, () -> {
          if (form) {
            w.formService.submitTaskForm(task.id(), vars);
          } else {
            w.taskService.complete(task.id(), vars);
          }
        });
  }

  /**
   * Runs one move as its actor, authenticated with the engine as the login filters do for
   * {@code /engine-rest} and {@code /api}, and notes how it ended.
   */
  private void act(String move, boolean hostile, Actor as, String what, Action action) {
    if (as != null) {
      w.identityService.setAuthentication(as.id(), as.groups());
    }
    String who = as == null ? "system" : as.id();
    try {
      action.run();
      note((hostile ? "HOSTILE " : "") + who + ": " + what + " -> done");
      count(move, 0);
      if (hostile) {
        tainted = true;
      }
    } catch (Exception e) {
      if (refusal(e)) {
        note((hostile ? "HOSTILE " : "") + who + ": " + what + " -> refused: "
            + e.getClass().getSimpleName() + ": " + abbreviate(e.getMessage()));
        count(move, 1);
      } else if (hostile || tainted) {
        note((hostile ? "HOSTILE " : "") + who + ": " + what + " -> failed: "
            + e.getClass().getName() + ": " + abbreviate(e.getMessage()));
        count(move, 2);
      } else {
        note(who + ": " + what + " -> FAILED: " + e);
        throw new Broken("an honest move failed at step " + step + ": " + who + ": " + what, e);
      }
    } finally {
      if (as != null) {
        w.identityService.clearAuthentication();
      }
    }
  }

  /** A refusal the policy foresees: any engine exception, or a refused API request. */
  static boolean refusal(Throwable e) {
    return e instanceof ProcessEngineException || e instanceof ApiProblems.NotAllowed
        || e instanceof ApiProblems.NotVisible
        || e instanceof OrderDocument.InvalidDocumentException || e instanceof ErrorResponse;
  }

  private void note(String line) {
    log.add("step " + step + ": " + line);
  }

  private static void count(String move, int outcome) {
    STATS.computeIfAbsent(move, m -> new int[3])[outcome]++;
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    String line = text.replace('\n', ' ');
    return line.length() > 240 ? line.substring(0, 240) + "…" : line;
  }

  // ---------------------------------------------------------------- picking

  private List<TaskRow> partyTasks() {
    return now.tasks.stream().filter(t -> rightful(t) != null
        && (PolicyInvariants.BUYER_TASKS.contains(t.key())
            || PolicyInvariants.SELLER_TASKS.contains(t.key())
            || "ProvideEvidence".equals(t.key()))).toList();
  }

  /** Whom a party task is for, by the records; null for staff tasks and unknown records. */
  private String rightful(TaskRow task) {
    Parties parties = invariants.parties(now, task);
    if (parties == null) {
      return null;
    }
    String holder = invariants.rightfulHolder(now, task, parties);
    return holder == null || holder.startsWith("nobody") ? null : holder;
  }

  private Optional<TaskRow> pickTask(List<TaskRow> tasks) {
    if (tasks.isEmpty()) {
      return Optional.empty();
    }
    List<TaskRow> ordered = new ArrayList<>(tasks);
    ordered.sort(Comparator.comparingInt((TaskRow t) -> ordinal(
            t.businessKey() != null ? t.businessKey() : String.valueOf(t.rootId())))
        .thenComparing(TaskRow::key).thenComparing(TaskRow::id));
    return Optional.of(ordered.get(random.nextInt(ordered.size())));
  }

  /**
   * A random element, in an order that does not depend on the random ids the service gives its
   * records, so that a seed replays the same choices: records in the order the sequence first
   * saw them (one new record a step at most).
   */
  private <T> Optional<T> pick(List<T> items, java.util.function.Function<T, String> id) {
    if (items.isEmpty()) {
      return Optional.empty();
    }
    List<T> ordered = new ArrayList<>(items);
    ordered.sort(Comparator.comparingInt((T item) -> ordinal(id.apply(item)))
        .thenComparing(id::apply));
    return Optional.of(ordered.get(random.nextInt(ordered.size())));
  }

  private int ordinal(String id) {
    return ordinals.getOrDefault(id, Integer.MAX_VALUE);
  }

  /** Numbers the records as they first appear, in the order the snapshot lists them. */
  private void numberRecords() {
    List<String> ids = new ArrayList<>(orderIds);
    ids.addAll(now.disputes.keySet());
    ids.addAll(now.contacts.keySet());
    ids.addAll(now.appeals.keySet());
    ids.addAll(backDoor);
    for (String id : ids) {
      ordinals.computeIfAbsent(id, key -> ordinals.size());
    }
  }

  private Actor actor(String userId) {
    for (Actor a : List.of(buyer, buyer2, seller, seller2, staff.mediator(),
        staff.mediatorAndSenior(), staff.senior(), staff.market(), staff.admin())) {
      if (a.id().equals(userId)) {
        return a;
      }
    }
    return new Actor(userId, List.copyOf(w.groupsOf(userId)));
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** The moves and their outcomes so far, for the report. */
  static String statistics() {
    StringBuilder text = new StringBuilder(String.format(
        "CPU time in moves %.1f s, in checks %.1f s%nmove: done / refused / refused oddly%n",
        TIME[0] / 1e9, TIME[1] / 1e9));
    new LinkedHashMap<>(STATS).entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> text.append("  ").append(e.getKey()).append(": ").append(e.getValue()[0])
            .append(" / ").append(e.getValue()[1]).append(" / ").append(e.getValue()[2])
            .append('\n'));
    text.append("reached (timeline entries, closures, appeals, contacts, summed over sequences):\n");
    new LinkedHashMap<>(REACHED).entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> text.append("  ").append(e.getKey()).append(": ").append(e.getValue())
            .append('\n'));
    return text.toString();
  }
}
