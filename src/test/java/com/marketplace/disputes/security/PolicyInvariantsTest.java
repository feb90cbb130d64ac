package com.marketplace.disputes.security;

import static org.assertj.core.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import com.marketplace.disputes.contact.ContactController;
import com.marketplace.disputes.dispute.DisputeController;
import com.marketplace.disputes.orders.OrderRepository;
import com.marketplace.disputes.security.PolicySequence.Staff;
import com.marketplace.disputes.security.PolicyWorld.Actor;
import com.marketplace.disputes.support.LosingPaymentGateway;
import com.marketplace.disputes.support.ServiceTest;
import com.marketplace.disputes.support.TestUsers;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Random sequences keep the policy's invariants (issue 15). Each sequence gets orders and users of
 * its own and interleaves every actor's moves over sellerContact, disputeMediation,
 * returnAndRefund and appealTicket: the marketplace pushing and changing orders, buyers and
 * sellers through the engine's services and the service's own API beans, mediators and senior
 * mediators, the clock and the job executor (timers, retried jobs, a payment provider that loses
 * its answer), and hostile moves (forged fields, variable writes, start instructions, other
 * people's tasks, amounts over the order). After every step it checks:
 *
 * <ul>
 *   <li>a refund never exceeds what the order cost minus earlier refunds (refund table and the
 *       built-in provider's ledger, per order);
 *   <li>at most one open dispute per order;
 *   <li>a closed dispute has exactly one closure reason and no open task;
 *   <li>no party holds a task of another party;
 *   <li>each notice at most once per occurrence.
 * </ul>
 *
 * <p>Seeded {@link java.util.Random}, no shrinking: a failure prints the sequence's seed and every
 * move up to the broken invariant. {@code -Dprops.tries} sequences (default
 * {@value #DEFAULT_TRIES}) of {@code -Dprops.steps} steps (default {@value #DEFAULT_STEPS});
 * {@code -Dprops.seed} replays (with {@code -Dprops.tries=1}, exactly the sequence that failed);
 * {@code -Dprops.hostile=false} leaves the hostile moves out, {@code -Dprops.hostile=forged,hands}
 * keeps only those whose names contain one of the words; {@code -Dprops.verbose=true} prints
 * every sequence's moves.
 */
// Thousands of steps: the tests' H2 settings parse statements once per connection
// (application-test.yaml). What random sequences reach differs from run to run, so it does not
// count towards the flow-node coverage floor.
@ServiceTest
@ExcludeFromProcessCoverage
class PolicyInvariantsTest {

  static final int DEFAULT_TRIES = 200;
  static final int DEFAULT_STEPS = 16;

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcClient jdbc;
  @Autowired OrderRepository orders;
  @Autowired DisputeController disputeApi;
  @Autowired ContactController contactApi;
  @Autowired GreenMail smtp;
  @Autowired LosingPaymentGateway gateway;

  /**
   * The sequences' world is their own: the classes that ran before in this Spring context leave
   * instances running, which each sequence ends when it is over, and so this before the first.
   */
  @BeforeEach
  void endInstancesOfEarlierClasses() {
    PolicySequence.endEveryInstance(runtimeService, "before the policy sequences");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
    gateway.reset();
  }

  @Test
  void randomSequencesOfEveryActorKeepThePolicyInvariants() {
    int tries = Integer.getInteger("props.tries", DEFAULT_TRIES);
    int steps = Integer.getInteger("props.steps", DEFAULT_STEPS);
    String hostileMoves = System.getProperty("props.hostile", "true").trim();
    boolean hostile = !"false".equalsIgnoreCase(hostileMoves);
    List<String> hostileOnly = hostile && !"true".equalsIgnoreCase(hostileMoves)
        ? Arrays.stream(hostileMoves.toLowerCase().split(",")).map(String::trim).toList() : null;
    String given = System.getProperty("props.seed");
    long base = given != null && !given.isBlank() ? Long.parseLong(given.trim())
        : new SecureRandom().nextLong();

    TestUsers users = new TestUsers(identityService);
    Staff staff = new Staff(
        actor(users, "pmed1", "mediators"),
        actor(users, "pmed2", "mediators", "senior-mediators"),
        actor(users, "psen1", "senior-mediators"),
        actor(users, "pmarket", "marketplace"),
        actor(users, "padmin", "camunda-admin"));
    PolicyWorld world = new PolicyWorld(runtimeService, taskService, formService,
        managementService, historyService, identityService, repositoryService, jdbc, orders,
        disputeApi, contactApi, smtp, gateway.answersToLose);
    PolicyInvariants invariants = new PolicyInvariants(world);

    System.out.printf("PolicyInvariantsTest: %d sequences of %d steps, base seed %d, hostile moves %s%n",
        tries, steps, base, hostileOnly != null ? hostileOnly : hostile ? "on" : "off");
    long started = System.nanoTime();
    for (int i = 0; i < tries; i++) {
      long seed = i == 0 ? base : mix(base + i * 0x9E3779B97F4A7C15L);
      List<Actor> parties = List.of(
          actor(users, "pb" + i + "x", "buyers"),
          actor(users, "pb" + i + "y", "buyers"),
          actor(users, "ps" + i + "x", "sellers"),
          actor(users, "ps" + i + "y", "sellers"));
      PolicySequence sequence =
          new PolicySequence(seed, i, world, invariants, staff, parties, hostile, hostileOnly);
      try {
        sequence.run(steps);
        sequence.countReached();
        if (Boolean.getBoolean("props.verbose")) {
          System.out.println("Sequence " + i + " (seed " + seed + "):\n  "
              + String.join("\n  ", sequence.log()));
        }
      } catch (RuntimeException e) {
        System.out.println(PolicySequence.statistics());
        fail("Sequence " + i + " of " + tries + " (seed " + seed + ") broke: " + e.getMessage()
            + "\nReplay it: ./mvnw test -Dtest=PolicyInvariantsTest -Dprops.tries=1 -Dprops.seed="
            + seed + " -Dprops.steps=" + steps
            + ("true".equalsIgnoreCase(hostileMoves) ? "" : " -Dprops.hostile=\"" + hostileMoves + "\"")
            + "\nMoves:\n  " + String.join("\n  ", sequence.log()), e);
      } finally {
        identityService.clearAuthentication();
        sequence.cleanUp();
      }
    }
    System.out.printf("PolicyInvariantsTest: %d sequences kept every invariant in %d s%n%s",
        tries, Duration.ofNanos(System.nanoTime() - started).toSeconds(),
        PolicySequence.statistics());
  }

  private static Actor actor(TestUsers users, String id, String... groups) {
    users.user(id, groups);
    return new Actor(id, List.of(groups));
  }

  /** Spreads consecutive numbers over the seed space (SplitMix64's finaliser). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
