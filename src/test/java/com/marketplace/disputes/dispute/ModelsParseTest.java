package com.marketplace.disputes.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

/** The process models read as the engine reads them: the contract's names are there and they deploy. */
class ModelsParseTest {

  private static final String DISPUTE_MEDIATION = "processes/dispute-mediation.bpmn";
  private static final String RETURN_AND_REFUND = "processes/return-and-refund.bpmn";
  private static final String DISPUTE_ELIGIBILITY = "processes/dispute-eligibility.dmn";
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
          .addClasspathResource(SELLER_CONTACT)
          .addClasspathResource(APPEAL_TICKET)
          .deploy();

      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().list())
          .extracting(definition -> definition.getKey())
          .containsExactlyInAnyOrder("disputeMediation", "returnAndRefund", "sellerContact",
              "appealTicket");
      assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().singleResult().getKey())
          .isEqualTo("disputeEligibility");
    } finally {
      engine.close();
    }
  }
}
