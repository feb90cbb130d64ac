package com.marketplace.disputes.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.marketplace.disputes.appeal.AppealRecords;
import com.marketplace.disputes.contact.ContactRecords;
import com.marketplace.disputes.policy.DecisionBasis;
import java.math.BigDecimal;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every notice goes to the right people and says the right things, in English and in German:
 * each received mail is parsed (subject, recipients, both parts) and checked for the dispute id,
 * the order, the amounts, the deadline and, for whoever has to act, the link to Tasklist.
 */
class NoticeContentIT extends NoticeIntegrationTest {

  @Autowired ContactRecords contacts;
  @Autowired AppealRecords appeals;
  @Autowired DecisionBasis basis;

  private static final String TASKLIST = "http://localhost:8080/camunda/app/tasklist/default/#/?";
  private static final Map<String, String> ADDRESS = Map.of(
      BUYER, "bea.buyer@example.test",
      SELLER, "sven.seller@example.test",
      SENIOR_EN, "sam.senior@example.test",
      SENIOR_DE, "sabine.senior@example.test");

  /** What one language must show; facts must be in both the text and the HTML part. */
  record Expected(String subject, List<String> facts, String deadline, String timeLeft) {}

  /**
   * One notice: how the process looks when it is sent, who gets it, who gets the Tasklist link.
   * The business key is the dispute id unless {@code key} says otherwise (contact, appeal).
   */
  record Case(Notice notice, String recipients, Function<String, Map<String, Object>> variables,
      Function<String, String> key, Set<String> to, Set<String> withLink, Expected en,
      Expected de) {
    @Override
    public String toString() {
      return notice.name();
    }
  }

  static Stream<Arguments> everyNoticeInBothLanguages() {
    return cases().stream().flatMap(c -> Stream.of(Arguments.of(c, "en"), Arguments.of(c, "de")));
  }

  static List<Case> cases() {
    Function<String, String> dispute = id -> id;
    return List.of(
        new Case(Notice.DISPUTE_OPENED, "SELLER",
            id -> Map.of("reason", "DAMAGED", "description", "The cable arrived cut in half.",
                "requestedResolution", "PARTIAL_REFUND", "requestedAmount", "20.00"),
            dispute, Set.of(SELLER), Set.of(SELLER),
            new Expected("opened for order",
                List.of("Item arrived damaged", "Partial refund", "20.00 USD", "49.90 USD",
                    "The cable arrived cut in half."),
                "December 5, 2026", "15 days left"),
            new Expected("eröffnet",
                List.of("Artikel beschädigt angekommen", "Teilerstattung", "20,00 USD",
                    "49,90 USD", "The cable arrived cut in half."),
                "5. Dezember 2026", "noch 15 Tage")),
        new Case(Notice.CLAIM_MODIFIED, "SELLER",
            id -> Map.of("reason", "NOT_AS_DESCRIBED", "description", "It is a 1 m cable.",
                "requestedResolution", "PARTIAL_REFUND", "requestedAmount", "30.00"),
            dispute, Set.of(SELLER), Set.of(SELLER),
            new Expected("changed the claim",
                List.of("Item not as described", "30.00 USD", "It is a 1 m cable."),
                "December 5, 2026", "15 days left"),
            new Expected("Forderung geändert",
                List.of("Artikel entspricht nicht der Beschreibung", "30,00 USD"),
                "5. Dezember 2026", "noch 15 Tage")),
        new Case(Notice.SELLER_RESPONDED, "BUYER",
            id -> Map.of("sellerResponse", "COUNTER_OFFER", "offerResolution", "PARTIAL_REFUND",
                "offerAmount", "15.00", "sellerComment", "Happy to refund part of the price."),
            dispute, Set.of(BUYER), Set.of(BUYER),
            new Expected("the seller has responded",
                List.of("Made a counter offer", "Partial refund", "15.00 USD",
                    "Happy to refund part of the price."),
                "November 27, 2026", "7 days left"),
            new Expected("der Verkäufer hat geantwortet",
                List.of("Gegenangebot gemacht", "Teilerstattung", "15,00 USD"),
                "27. November 2026", "noch 7 Tage")),
        new Case(Notice.ESCALATED, "BUYER,SELLER",
            id -> Map.of("escalationReason", "SELLER_NO_RESPONSE"),
            dispute, Set.of(BUYER, SELLER), Set.of(),
            new Expected("goes to the platform",
                List.of("The seller did not respond in time", "49.90 USD"), null, null),
            new Expected("geht zur Entscheidung an die Plattform",
                List.of("Der Verkäufer hat nicht rechtzeitig geantwortet", "49,90 USD"),
                null, null)),
        new Case(Notice.EVIDENCE_REQUESTED, "EVIDENCE_PARTY",
            id -> Map.of("evidenceParty", BUYER,
                "evidenceRequest", "Photos of the cut cable, please."),
            dispute, Set.of(BUYER), Set.of(BUYER),
            new Expected("please provide evidence",
                List.of("Photos of the cut cable, please."), "November 25, 2026", "5 days left"),
            new Expected("bitte Nachweise einreichen",
                List.of("Photos of the cut cable, please."), "25. November 2026", "noch 5 Tage")),
        new Case(Notice.DECISION, "BUYER,SELLER",
            id -> Map.of("platformDecision", "PARTIAL_REFUND", "decisionAmount", "25.00",
                "decisionRationale", "The photos show transport damage.",
                "resolution", "PARTIAL_REFUND", "refundAmount", "25.00"),
            dispute, Set.of(BUYER, SELLER), Set.of(),
            new Expected("the platform has decided",
                List.of("Partial refund to the buyer", "25.00 USD", "Rule applied",
                    "Minor defect, item usable: The item has a minor defect",
                    "The photos show transport damage.", "December 4, 2026",
                    "appeal within 30 days"),
                null, null),
            new Expected("die Plattform hat entschieden",
                List.of("Teilerstattung an den Käufer", "25,00 USD", "Angewandte Regel",
                    "Kleiner Mangel, Artikel nutzbar: Der Artikel hat einen kleinen Mangel",
                    "The photos show transport damage.", "4. Dezember 2026",
                    "Frist beträgt 30 Tage"),
                null, null)),
        new Case(Notice.MEDIATION_SLA_BREACHED, "SENIOR_MEDIATORS",
            id -> Map.of("escalationReason", "BUYER_REQUESTED"),
            dispute, Set.of(SENIOR_EN, SENIOR_DE), Set.of(SENIOR_EN, SENIOR_DE),
            new Expected("overdue for a platform decision",
                List.of("The buyer asked the platform to decide"), null, null),
            new Expected("Entscheidung der Plattform überfällig",
                List.of("Der Käufer hat die Plattform um eine Entscheidung gebeten"), null, null)),
        new Case(Notice.DISPUTE_CLOSED, "BUYER,SELLER",
            id -> Map.of("closureReason", "PLATFORM_DECISION", "resolution", "PARTIAL_REFUND",
                "refundAmount", "25.00", "refundId", "RF-77", "refundExpectedBy", "2026-12-04"),
            dispute, Set.of(BUYER, SELLER), Set.of(),
            new Expected("is closed",
                List.of("Decided by the platform", "25.00 USD", "RF-77", "December 4, 2026",
                    "appeal until December 20, 2026"),
                null, null),
            new Expected("ist abgeschlossen",
                List.of("Von der Plattform entschieden", "25,00 USD", "RF-77", "4. Dezember 2026",
                    "bis 20. Dezember 2026"),
                null, null)),
        new Case(Notice.RETURN_INSTRUCTIONS, "BUYER,SELLER",
            id -> Map.of("resolution", "RETURN_AND_REFUND", "refundAmount", "49.90"),
            dispute, Set.of(BUYER, SELLER), Set.of(BUYER),
            new Expected("to be returned",
                List.of("Return the item, then a full refund", "49.90 USD"),
                "November 30, 2026", "10 days left"),
            new Expected("zurückgesandt",
                List.of("Rücksendung, dann volle Erstattung", "49,90 USD"),
                "30. November 2026", "noch 10 Tage")),
        new Case(Notice.REFUND_ISSUED, "BUYER,SELLER",
            id -> Map.of("refundAmount", "49.90", "refundId", "RF-78",
                "refundExpectedBy", "2026-12-04"),
            dispute, Set.of(BUYER, SELLER), Set.of(),
            new Expected("refund issued", List.of("49.90 USD", "RF-78", "December 4, 2026"),
                null, null),
            new Expected("Erstattung veranlasst",
                List.of("49,90 USD", "RF-78", "4. Dezember 2026"), null, null)),
        new Case(Notice.CONTACT_STARTED, "SELLER",
            id -> contact(id, Map.of("buyerMessage", "Where is my cable?")),
            id -> "C-" + id.substring(2), Set.of(SELLER), Set.of(SELLER),
            new Expected("a buyer has a question", List.of("Where is my cable?"),
                "November 22, 2026", "2 days left"),
            new Expected("eine Frage zur Bestellung", List.of("Where is my cable?"),
                "22. November 2026", "noch 2 Tage")),
        new Case(Notice.SELLER_REPLIED, "BUYER",
            id -> contact(id, Map.of("sellerMessage", "It left our warehouse yesterday.")),
            id -> "C-" + id.substring(2), Set.of(BUYER), Set.of(BUYER),
            new Expected("the seller has replied", List.of("It left our warehouse yesterday."),
                null, null),
            new Expected("der Verkäufer hat zur Bestellung",
                List.of("It left our warehouse yesterday."), null, null)),
        new Case(Notice.SELLER_NO_REPLY, "BUYER",
            id -> contact(id, Map.of("buyerMessage", "Where is my cable?")),
            id -> "C-" + id.substring(2), Set.of(BUYER), Set.of(BUYER),
            new Expected("no reply from the seller", List.of("Where is my cable?"), null, null),
            new Expected("keine Antwort des Verkäufers", List.of("Where is my cable?"),
                null, null)),
        new Case(Notice.APPEAL_RECEIVED, "APPELLANT,OTHER_PARTY",
            // Buyer and seller come from the dispute record of the appeal's row.
            id -> Map.of("disputeId", id, "appellantId", BUYER,
                "appealStatement", "The photos were ignored."),
            id -> "A-" + id.substring(2), Set.of(BUYER, SELLER), Set.of(),
            new Expected("Appeal received", List.of("The photos were ignored.", "49.90 USD"),
                "November 25, 2026", "5 days left"),
            new Expected("Einspruch zum Streitfall",
                List.of("The photos were ignored.", "49,90 USD"),
                "25. November 2026", "noch 5 Tage")),
        new Case(Notice.APPEAL_DECIDED, "APPELLANT,OTHER_PARTY",
            id -> Map.of("disputeId", id, "appellantId", SELLER, "appealDecision", "OVERTURN",
                "appealRationale", "The damage is visible on the photos.",
                "resolution", "FULL_REFUND", "refundAmount", "49.90"),
            id -> "A-" + id.substring(2), Set.of(BUYER, SELLER), Set.of(),
            new Expected("final decision on the appeal",
                List.of("The decision is overturned", "The damage is visible on the photos.",
                    "Rule applied", "Appeal with new evidence: The appeal brings information",
                    "Full refund", "49.90 USD", "This decision is final", "chargeback",
                    "card issuer"),
                null, null),
            new Expected("endgültige Entscheidung",
                List.of("Die Entscheidung wird aufgehoben", "Volle Erstattung", "49,90 USD",
                    "Angewandte Regel", "Einspruch mit neuen Nachweisen: Der Einspruch bringt",
                    "endgültig", "Rückbuchung (Chargeback)", "Herausgeber der Karte"),
                null, null)),
        new Case(Notice.APPEAL_SLA_BREACHED, "SENIOR_MEDIATORS",
            id -> Map.of("disputeId", id, "appellantId", BUYER,
                "appealStatement", "The photos were ignored."),
            id -> "A-" + id.substring(2), Set.of(SENIOR_EN, SENIOR_DE), Set.of(SENIOR_EN, SENIOR_DE),
            new Expected("is overdue", List.of("The photos were ignored."), null, null),
            new Expected("überfällig", List.of("The photos were ignored."), null, null)));
  }

  private static Map<String, Object> contact(String disputeId, Map<String, Object> extra) {
    Map<String, Object> variables = new HashMap<>(extra);
    variables.put("orderId", orderOf(disputeId));
    variables.put("buyerId", BUYER);
    variables.put("sellerId", SELLER);
    return variables;
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyNoticeInBothLanguages")
  void noticeNamesTheFactsInTheRecipientsLanguage(Case c, String language) {
    everyoneSpeaks(language);
    String disputeId = newDispute();
    String businessKey = c.key().apply(disputeId);
    Map<String, Object> variables = new HashMap<>();
    if (businessKey.equals(disputeId)) {
      variables.putAll(disputeVariables(disputeId));
    }
    variables.putAll(c.variables().apply(disputeId));
    if (c.notice() == Notice.EVIDENCE_REQUESTED) {
      // Whom the mediator asked is read from the dispute's record, as DecideDispute keeps it.
      jdbc.update("update dispute set evidence_requested_from = 'BUYER' where dispute_id = ?",
          disputeId);
    }
    // The rules a decision applied are read from its record, as DecideDispute and ReviewAppeal
    // keep them: the dispute's for its decision, the appeal's for the appeal's.
    if (c.notice() == Notice.DECISION) {
      basis.record(disputeId, disputeId, "PARTIAL_REFUND",
          new DecisionBasis.Answer(List.of("MINOR_DEFECT_PARTIAL"), List.of()));
    } else if (c.notice() == Notice.APPEAL_DECIDED) {
      basis.record(businessKey, disputeId, "OVERTURN",
          new DecisionBasis.Answer(List.of("APPEAL_NEW_EVIDENCE"), List.of()));
    }
    // A contact's or an appeal's notice reads its parties from the contact's or appeal's row.
    if (businessKey.startsWith("C-")) {
      contacts.insert(businessKey, orderOf(disputeId), null, BUYER, SELLER);
    } else if (businessKey.startsWith("A-")) {
      String appellant = (String) variables.get("appellantId");
      appeals.insertAccepted(businessKey, disputeId, null, appellant,
          BUYER.equals(appellant) ? "BUYER" : "SELLER", "The photos were ignored.",
          "PARTIAL_REFUND", new BigDecimal("10.00"));
    }
    String processInstanceId = startNotice(businessKey, c.notice(), c.recipients(), variables);

    runNoticeJob(processInstanceId);

    List<ReceivedMail> mails = receivedFor(businessKey);
    assertThat(mails).extracting(mail -> mail.to().get(0))
        .containsExactlyInAnyOrderElementsOf(c.to().stream().map(ADDRESS::get).toList());
    Expected expected = language.equals("de") ? c.de() : c.en();
    for (ReceivedMail mail : mails) {
      String recipient = userWithAddress(mail.to().get(0));
      assertThat(mail.language()).startsWith(language);
      assertThat(mail.subject()).contains(businessKey.startsWith("C-") ? businessKey : disputeId)
          .contains(expected.subject());
      assertThat(mail.bothPartsContain(disputeId.equals(businessKey) || businessKey.startsWith("A-")
          ? disputeId : businessKey)).isTrue();
      assertThat(mail.bothPartsContain(orderOf(disputeId))).isTrue();
      assertThat(mail.bothPartsContain(ORDER_TITLE)).isTrue();
      for (String fact : expected.facts()) {
        assertThat(mail.bothPartsContain(fact)).as("%s in %s", fact, mail.text()).isTrue();
      }
      if (expected.deadline() != null) {
        assertThat(mail.bothPartsContain(expected.deadline())).as(mail.text()).isTrue();
        assertThat(mail.bothPartsContain(expected.timeLeft())).as(mail.text()).isTrue();
      }
      assertThat(mail.text().contains(TASKLIST))
          .as("Tasklist link for %s", recipient).isEqualTo(c.withLink().contains(recipient));
      assertThat(mail.text()).doesNotContain("??", "{", "}");
      assertThat(mail.from()).isEqualTo("disputes@marketplace.example");
    }
    assertThat(outbox.forBusinessKey(businessKey))
        .extracting(NoticeOutbox.Row::status).containsOnly(NoticeOutbox.Status.SENT);
  }

  @Test
  void sellerReminderNamesTheRunningDeadlineAndLinksTheOpenTask() {
    String disputeId = newDispute();
    Map<String, Object> variables = disputeVariables(disputeId);
    variables.put("withSellerTask", true);
    variables.put("reason", "NOT_RECEIVED");
    variables.put("description", "Nothing arrived after four weeks.");
    variables.put("requestedResolution", "FULL_REFUND");
    String processInstanceId = runtimeService
        .startProcessInstanceByKey("noticeTest", disputeId, variables).getId();
    Task respond = taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey("RespondToDispute").singleResult();

    // Twelve days later the reminder fires; the deadline still counts from the start.
    ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(12 * 86400L)));
    Job reminderTimer = managementService.createJobQuery().processInstanceId(processInstanceId)
        .activityId("SellerResponseReminder").singleResult();
    managementService.executeJob(reminderTimer.getId());
    Job reminder = managementService.createJobQuery().processInstanceId(processInstanceId)
        .activityId("SendSellerReminder").singleResult();
    managementService.executeJob(reminder.getId());
    dispatcher.sendDue();

    List<ReceivedMail> mails = receivedFor(disputeId);
    assertThat(mails).hasSize(1);
    ReceivedMail mail = mails.get(0);
    assertThat(mail.to()).containsExactly("sven.seller@example.test");
    assertThat(mail.subject()).contains(disputeId, "Erinnerung");
    assertThat(mail.bothPartsContain("5. Dezember 2026")).isTrue();
    assertThat(mail.bothPartsContain("noch 3 Tage")).isTrue();
    assertThat(mail.bothPartsContain("Artikel nicht erhalten")).isTrue();
    assertThat(mail.text()).contains(TASKLIST + "task=" + respond.getId());
  }

  @Test
  void userWithoutAddressIsRecordedAndTheOthersStillGetTheNotice() {
    user("nnomail", "Nora", null, "en");
    String disputeId = newDispute();
    // The recipients are the parties the dispute's record names.
    jdbc.update("update dispute set buyer_id = 'nnomail' where dispute_id = ?", disputeId);
    Map<String, Object> variables = disputeVariables(disputeId);
    variables.put("buyerId", "nnomail");
    variables.put("escalationReason", "BUYER_REQUESTED");
    String processInstanceId = startNotice(disputeId, Notice.ESCALATED, "BUYER,SELLER", variables);

    runNoticeJob(processInstanceId);

    assertThat(receivedFor(disputeId)).extracting(mail -> mail.to().get(0))
        .containsExactly("sven.seller@example.test");
    assertThat(outbox.forBusinessKey(disputeId))
        .extracting(NoticeOutbox.Row::recipientId, NoticeOutbox.Row::status)
        .containsExactlyInAnyOrder(
            tuple("nnomail",
                NoticeOutbox.Status.UNDELIVERABLE),
            tuple(SELLER, NoticeOutbox.Status.SENT));
    assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey("Wait").count()).isEqualTo(1);
  }

  @Test
  void aDisputesNoticeGoesToThePartiesItsRecordNamesWhateverTheVariablesSay() {
    everyoneSpeaks("en");
    user("intruder", "Ivo", "ivo.intruder@example.test", "en");
    String disputeId = newDispute();
    Map<String, Object> variables = disputeVariables(disputeId);
    variables.put("buyerId", "intruder");
    variables.put("sellerId", "intruder");
    variables.put("orderAmount", "99999.00");
    variables.put("escalationReason", "BUYER_REQUESTED");
    String processInstanceId = startNotice(disputeId, Notice.ESCALATED, "BUYER,SELLER", variables);

    runNoticeJob(processInstanceId);

    assertThat(receivedFor(disputeId)).extracting(mail -> mail.to().get(0))
        .containsExactlyInAnyOrder(ADDRESS.get(BUYER), ADDRESS.get(SELLER));
    assertThat(receivedFor(disputeId)).allMatch(mail -> mail.bothPartsContain("49.90")
        && !mail.text().contains("99999") && !mail.text().contains("99,999"));
    assertThat(outbox.forBusinessKey(disputeId)).extracting(NoticeOutbox.Row::recipientId)
        .containsExactlyInAnyOrder(BUYER, SELLER);
  }

  private static String userWithAddress(String address) {
    return ADDRESS.entrySet().stream().filter(e -> e.getValue().equals(address))
        .map(Map.Entry::getKey).findFirst().orElse(address);
  }
}
