package com.marketplace.disputes.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.junit.jupiter.api.Test;

/** The process models read as the engine reads them: the contract's names are there and they deploy. */
class ModelsParseTest {

  private static final String DISPUTE_MEDIATION = "processes/dispute-mediation.bpmn";
  private static final String RETURN_AND_REFUND = "processes/return-and-refund.bpmn";
  private static final String DISPUTE_ELIGIBILITY = "processes/dispute-eligibility.dmn";
  private static final String EVIDENCE_CHECKLIST = "processes/evidence-checklist.dmn";
  private static final String SELLER_CONTACT = "processes/seller-contact.bpmn";
  private static final String APPEAL_TICKET = "processes/appeal-ticket.bpmn";
  private static final String[] MODELS = {DISPUTE_MEDIATION, RETURN_AND_REFUND, SELLER_CONTACT,
      APPEAL_TICKET};

  private static BpmnModelInstance read(String resource) {
    InputStream model = ModelsParseTest.class.getClassLoader().getResourceAsStream(resource);
    assertThat(model).as(resource + " on the classpath").isNotNull();
    return Bpmn.readModelFromStream(model);
  }

  private static <T extends FlowNode> T node(BpmnModelInstance model, String id, Class<T> type) {
    Object element = model.getModelElementById(id);
    assertThat(element).as(id).isInstanceOf(type);
    return type.cast(element);
  }

  private static void assertTimer(BpmnModelInstance model, String id, String host, boolean interrupting,
      String policyDuration) {
    BoundaryEvent timer = node(model, id, BoundaryEvent.class);
    assertThat(timer.getAttachedTo().getId()).as(id + " attached to").isEqualTo(host);
    assertThat(timer.cancelActivity()).as(id + " interrupting").isEqualTo(interrupting);
    TimerEventDefinition definition = (TimerEventDefinition) timer.getEventDefinitions().iterator().next();
    assertThat(definition.getTimeDuration().getTextContent())
        .isEqualTo("${disputePolicy." + policyDuration + "}");
  }

  @Test
  void disputeMediationHasTheContractsTasksTimersAndMessages() {
    BpmnModelInstance model = read(DISPUTE_MEDIATION);
    assertThat(model.getModelElementsByType(Process.class)).extracting(Process::getId)
        .containsExactly("disputeMediation");

    assertThat(node(model, "RespondToDispute", UserTask.class).getCamundaAssignee()).isEqualTo("${sellerId}");
    assertThat(node(model, "ReviewSellerResponse", UserTask.class).getCamundaAssignee()).isEqualTo("${buyerId}");
    assertThat(node(model, "DecideDispute", UserTask.class).getCamundaCandidateGroups()).isEqualTo("mediators");
    assertThat(node(model, "ProvideEvidence", UserTask.class).getCamundaAssignee()).isEqualTo("${evidenceParty}");

    assertTimer(model, "SellerResponseReminder", "RespondToDispute", false, "sellerResponseReminder");
    assertTimer(model, "SellerResponseDeadline", "RespondToDispute", true, "sellerResponseDeadline");
    assertTimer(model, "BuyerResponseDeadline", "ReviewSellerResponse", true, "buyerResponseDeadline");
    assertTimer(model, "EvidenceDeadline", "ProvideEvidence", true, "evidenceDeadline");
    assertTimer(model, "MediationSla", "DecideDispute", false, "mediationSla");

    assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
        .containsExactlyInAnyOrder("DisputeEscalationRequested", "DisputeModified", "DisputeCancelled");
    assertThat(node(model, "CheckEligibility", BusinessRuleTask.class).getCamundaDecisionRef())
        .isEqualTo("disputeEligibility");
    assertThat(node(model, "CarryOutResolution", CallActivity.class).getCalledElement())
        .isEqualTo("returnAndRefund");
  }

  @Test
  void returnAndRefundHasTheContractsTasksAndTimers() {
    BpmnModelInstance model = read(RETURN_AND_REFUND);
    assertThat(model.getModelElementsByType(Process.class)).extracting(Process::getId)
        .containsExactly("returnAndRefund");

    assertThat(node(model, "ShipReturn", UserTask.class).getCamundaAssignee()).isEqualTo("${buyerId}");
    assertThat(node(model, "ConfirmReturnReceived", UserTask.class).getCamundaAssignee()).isEqualTo("${sellerId}");
    assertThat(node(model, "IssueRefund", ServiceTask.class).isCamundaAsyncBefore()).isTrue();

    assertTimer(model, "ReturnShipmentDeadline", "ShipReturn", true, "returnShipmentDeadline");
    assertTimer(model, "ReturnReceiptDeadline", "ConfirmReturnReceived", true, "returnReceiptDeadline");
  }

  @Test
  void sellerContactHasTheContractsTasksTimerAndMessage() {
    BpmnModelInstance model = read(SELLER_CONTACT);
    assertThat(model.getModelElementsByType(Process.class)).extracting(Process::getId)
        .containsExactly("sellerContact");

    assertThat(node(model, "ReplyToBuyer", UserTask.class).getCamundaAssignee()).isEqualTo("${sellerId}");
    assertThat(node(model, "ConfirmIssueResolved", UserTask.class).getCamundaAssignee()).isEqualTo("${buyerId}");
    assertTimer(model, "SellerReplyDeadline", "ReplyToBuyer", true, "sellerReplyDeadline");
    assertTimer(model, "BuyerConfirmationDeadline", "ConfirmIssueResolved", true,
        "buyerConfirmationDeadline");
    assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
        .containsExactly("ContactMessagePosted");
  }

  @Test
  void appealTicketHasTheContractsTaskAndCallsReturnAndRefund() {
    BpmnModelInstance model = read(APPEAL_TICKET);
    assertThat(model.getModelElementsByType(Process.class)).extracting(Process::getId)
        .containsExactly("appealTicket");

    assertThat(node(model, "ReviewAppeal", UserTask.class).getCamundaCandidateGroups())
        .isEqualTo("senior-mediators");
    assertTimer(model, "AppealReviewSla", "ReviewAppeal", false, "appealReviewSla");
    assertThat(node(model, "CarryOutNewResolution", CallActivity.class).getCalledElement())
        .isEqualTo("returnAndRefund");
  }

  @Test
  void everyProcessKeepsItsHistoryForAWhile() {
    for (String resource : MODELS) {
      for (Process process : read(resource).getModelElementsByType(Process.class)) {
        assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
      }
    }
  }

  @Test
  void everyFlowNodeIsDrawn() {
    for (String resource : MODELS) {
      BpmnModelInstance model = read(resource);
      Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
          .map(shape -> shape.getBpmnElement().getId())
          .collect(Collectors.toSet());
      assertThat(model.getModelElementsByType(FlowNode.class)).extracting(FlowNode::getId)
          .as(resource).isSubsetOf(drawn);
    }
  }

  /**
   * What a step declares it runs on an event: the expression or delegate expression of each of
   * its camunda:executionListener or camunda:taskListener elements.
   */
  private static Set<String> declared(BaseElement element, String listener, String event) {
    if (element.getExtensionElements() == null) {
      return Set.of();
    }
    return element.getExtensionElements().getElements().stream()
        .filter(e -> listener.equals(e.getElementType().getTypeName()))
        .filter(e -> event.equals(e.getAttributeValue("event")))
        .map(e -> e.getAttributeValue("expression") != null ? e.getAttributeValue("expression")
            : e.getAttributeValue("delegateExpression"))
        .collect(Collectors.toSet());
  }

  private static Set<String> executionListeners(BaseElement element, String event) {
    return declared(element, "executionListener", event);
  }

  private static Set<String> taskListeners(UserTask task, String event) {
    return declared(task, "taskListener", event);
  }

  @Test
  void everyTaskOfAPartyOpensOnTheRecordedParties() {
    for (String resource : MODELS) {
      for (UserTask task : read(resource).getModelElementsByType(UserTask.class)) {
        assertThat(executionListeners(task, "start")).as(resource + " " + task.getId())
            .contains("${disputeFacts.writeParties(execution)}");
        if (String.valueOf(task.getCamundaAssignee()).contains("evidenceParty")) {
          assertThat(executionListeners(task, "start")).as(task.getId())
              .contains("${disputeFacts.writeEvidenceParty(execution)}");
        }
      }
    }
  }

  @Test
  void everyGatewayThatRoutesOnTheOutcomeReadsTheRecordedOutcome() {
    Pattern readsOutcome = Pattern.compile("\\b(resolution|refundAmount)\\b");
    int routing = 0;
    for (String resource : MODELS) {
      for (ExclusiveGateway gateway : read(resource).getModelElementsByType(ExclusiveGateway.class)) {
        boolean routesOnOutcome = gateway.getOutgoing().stream()
            .map(SequenceFlow::getConditionExpression)
            .anyMatch(c -> c != null && readsOutcome.matcher(c.getTextContent()).find());
        if (routesOnOutcome) {
          routing++;
          assertThat(executionListeners(gateway, "start")).as(resource + " " + gateway.getId())
              .contains("${disputeFacts.writeOutcome(execution)}");
        }
      }
    }
    assertThat(routing).as("gateways that route on the outcome").isEqualTo(3);
  }

  @Test
  void everyDisputeStepWhoseFormTakesUploadsAttachesThem() {
    BpmnModelInstance model = read(DISPUTE_MEDIATION);
    int forms = 0;
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      boolean takesUploads = model.getModelElementsByType(CamundaFormField.class).stream()
          .anyMatch(f -> "evidenceIds".equals(f.getCamundaId())
              && task.equals(f.getParentElement().getParentElement().getParentElement()));
      if (takesUploads) {
        forms++;
        assertThat(taskListeners(task, "complete")).as(task.getId())
            .contains("${evidenceAttachments}");
      }
    }
    assertThat(forms).as("dispute tasks whose form takes uploads").isEqualTo(3);
    // The start form's uploads: once RegisterDispute has given the dispute its id.
    assertThat(executionListeners(node(model, "RegisterDispute", ServiceTask.class), "end"))
        .contains("${evidenceAttachments}");
  }

  @Test
  void everyReturnTaskLetsTheDisputesPartiesReadTheReturn() {
    for (UserTask task : read(RETURN_AND_REFUND).getModelElementsByType(UserTask.class)) {
      assertThat(taskListeners(task, "create")).as(task.getId()).contains("${returnAccess}");
    }
  }

  @Test
  void theDisputesMilestonesAreCountedWhereTheyHappen() {
    BpmnModelInstance dispute = read(DISPUTE_MEDIATION);
    assertThat(executionListeners(node(dispute, "OpenDispute", ServiceTask.class), "end"))
        .contains("${disputeMetricsListener.opened(execution)}");
    assertThat(executionListeners(node(dispute, "EscalateToPlatform", ServiceTask.class), "end"))
        .contains("${disputeMetricsListener.escalated(execution)}");
    assertThat(executionListeners(node(dispute, "RecordDecision", ServiceTask.class), "end"))
        .contains("${disputeMetricsListener.decided(execution)}");
    assertThat(executionListeners(node(dispute, "CloseDispute", ServiceTask.class), "end"))
        .contains("${disputeMetricsListener.closed(execution)}");
    ServiceTask refund = node(read(RETURN_AND_REFUND), "IssueRefund", ServiceTask.class);
    assertThat(executionListeners(refund, "start"))
        .contains("${disputeMetricsListener.refundStarts(execution)}");
    assertThat(executionListeners(refund, "end"))
        .contains("${disputeMetricsListener.refundEnds(execution)}");
  }

  @Test
  void everyTaskIsDueWhenItsDeadlineOrSlaFires() {
    for (String resource : MODELS) {
      BpmnModelInstance model = read(resource);
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        List<BoundaryEvent> timers = model.getModelElementsByType(BoundaryEvent.class).stream()
            .filter(b -> b.getAttachedTo().equals(task))
            .filter(b -> b.getEventDefinitions().stream()
                .anyMatch(TimerEventDefinition.class::isInstance))
            .toList();
        // The deadline when the task has one (it ends the task), else its SLA.
        BoundaryEvent due = timers.stream().filter(BoundaryEvent::cancelActivity).findFirst()
            .orElse(timers.isEmpty() ? null : timers.get(0));
        assertThat(due).as(resource + " " + task.getId() + " has a deadline or SLA").isNotNull();
        TimerEventDefinition timer = (TimerEventDefinition) due.getEventDefinitions().iterator().next();
        assertThat(task.getCamundaDueDate()).as(task.getId() + " due date")
            .isEqualTo(timer.getTimeDuration().getTextContent());
      }
    }
  }

  @Test
  void aClaimChangeOpensTheSellersTaskAgain() {
    BpmnModelInstance model = read(DISPUTE_MEDIATION);
    BoundaryEvent changed = node(model, "ClaimChangedForSeller", BoundaryEvent.class);
    assertThat(changed.getAttachedTo().getId()).isEqualTo("RespondToDispute");
    assertThat(changed.cancelActivity()).isTrue();
    ConditionalEventDefinition condition =
        (ConditionalEventDefinition) changed.getEventDefinitions().iterator().next();
    assertThat(condition.getCamundaVariableName()).isEqualTo("claimRevision");
    assertThat(changed.getOutgoing()).extracting(flow -> flow.getTarget().getId())
        .containsExactly("Gateway_MergeSellerTurn");
    assertThat(node(model, "ModifyClaim", ServiceTask.class).getCamundaDelegateExpression())
        .isEqualTo("${modifyClaimDelegate}");
  }

  @Test
  void modelsDeployOnAnEngine() {
    ProcessEngine engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:models-parse-test;DB_CLOSE_DELAY=-1")
        .setJobExecutorActivate(false)
        .setProcessEngineName("models-parse-test")
        .buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment()
          .addClasspathResource(DISPUTE_MEDIATION)
          .addClasspathResource(RETURN_AND_REFUND)
          .addClasspathResource(DISPUTE_ELIGIBILITY)
          .addClasspathResource(EVIDENCE_CHECKLIST)
          .addClasspathResource(SELLER_CONTACT)
          .addClasspathResource(APPEAL_TICKET)
          .deploy();

      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().list())
          .extracting(definition -> definition.getKey())
          .containsExactlyInAnyOrder("disputeMediation", "returnAndRefund", "sellerContact",
              "appealTicket");
      assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().list())
          .extracting(definition -> definition.getKey())
          .containsExactlyInAnyOrder("disputeEligibility", "evidenceChecklist");
    } finally {
      engine.close();
    }
  }
}
