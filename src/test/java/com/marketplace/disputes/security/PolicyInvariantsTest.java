package com.marketplace.disputes.security;

import static org.assertj.core.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import com.marketplace.disputes.contact.ContactController;
import com.marketplace.disputes.dispute.DisputeController;
import com.marketplace.disputes.orders.OrderRepository;
import com.marketplace.disputes.refund.LedgerPaymentGateway;
import com.marketplace.disputes.refund.PaymentGateway;
import com.marketplace.disputes.security.PolicySequence.Staff;
import com.marketplace.disputes.security.PolicyWorld.Actor;
import com.marketplace.disputes.support.TestUsers;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

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
// The H2 settings the service runs with (application.yaml): statements parsed once per
// connection, errors not traced to a file. Thousands of steps would otherwise spend much of their
// time in H2's parser.
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:disputes-test;LOCK_TIMEOUT=10000;"
    + "DB_CLOSE_DELAY=-1;TRACE_LEVEL_FILE=0;QUERY_CACHE_SIZE=256")
@ActiveProfiles("test")
@Import(PolicyInvariantsTest.Seams.class)
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
  @Autowired LosingGateway gateway;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
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
        disputeApi, contactApi, smtp, gateway.losses);
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

  /**
   * The built-in ledger provider, which loses its answer after paying when told to: the worst
   * case for a retried refund job (as in RefundRetryTest).
   */
  static final class LosingGateway implements PaymentGateway {
    final AtomicInteger losses = new AtomicInteger();
    private final LedgerPaymentGateway ledger;

    LosingGateway(LedgerPaymentGateway ledger) {
      this.ledger = ledger;
    }

    @Override
    public String refund(String idempotencyKey, String orderId, BigDecimal amount,
        String currency) {
      String id = ledger.refund(idempotencyKey, orderId, amount, currency);
      if (losses.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
        throw new IllegalStateException("answer lost after payment " + id);
      }
      return id;
    }
  }

  @TestConfiguration
  static class Seams {
    @Bean
    @Primary
    LosingGateway losingGateway(LedgerPaymentGateway ledger) {
      return new LosingGateway(ledger);
    }
  }
}
