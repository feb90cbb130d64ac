package com.marketplace.disputes.security;

import com.icegreen.greenmail.util.GreenMail;
import com.marketplace.disputes.contact.ContactController;
import com.marketplace.disputes.dispute.DisputeController;
import com.marketplace.disputes.orders.OrderRepository;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The services every actor and every check reaches: the engine's and the service's own beans. */
final class PolicyWorld {

  final RuntimeService runtimeService;
  final TaskService taskService;
  final FormService formService;
  final ManagementService managementService;
  final HistoryService historyService;
  final IdentityService identityService;
  final RepositoryService repositoryService;
  final JdbcClient jdbc;
  final OrderRepository orders;
  final DisputeController disputeApi;
  final ContactController contactApi;
  final GreenMail smtp;
  /** How many of the next refund calls pay but lose the provider's answer. */
  final AtomicInteger lostPaymentAnswers;

  private final Map<String, String> processKeys = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> groups = new ConcurrentHashMap<>();

  PolicyWorld(RuntimeService runtimeService, TaskService taskService, FormService formService,
      ManagementService managementService, HistoryService historyService,
      IdentityService identityService, RepositoryService repositoryService, JdbcClient jdbc,
      OrderRepository orders, DisputeController disputeApi, ContactController contactApi,
      GreenMail smtp, AtomicInteger lostPaymentAnswers) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.formService = formService;
    this.managementService = managementService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.repositoryService = repositoryService;
    this.jdbc = jdbc;
    this.orders = orders;
    this.disputeApi = disputeApi;
    this.contactApi = contactApi;
    this.smtp = smtp;
    this.lostPaymentAnswers = lostPaymentAnswers;
  }

  String processKey(String processDefinitionId) {
    return processKeys.computeIfAbsent(processDefinitionId,
        id -> repositoryService.getProcessDefinition(id).getKey());
  }

  /** The groups a user is a member of (memberships never change during a run). */
  Set<String> groupsOf(String userId) {
    return groups.computeIfAbsent(userId, id -> {
      Set<String> ids = new HashSet<>();
      for (Group group : identityService.createGroupQuery().groupMember(id).list()) {
        ids.add(group.getId());
      }
      return ids;
    });
  }

  /** A person who acts: a user id and the groups the login filter would authenticate them with. */
  record Actor(String id, List<String> groups) {
    @Override
    public String toString() {
      return id;
    }
  }
}
