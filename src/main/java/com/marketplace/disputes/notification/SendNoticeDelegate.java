package com.marketplace.disputes.notification;

import com.marketplace.disputes.notification.NoticeOutbox.Entry;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the notice of a send task ({@code notice}, {@code recipients} input parameters) to the
 * outbox, one row per recipient, in the step's own transaction: if the step rolls back, there is
 * no notice; if it commits, the notice exists, and the {@link NoticeDispatcher} sends it.
 *
 * <p>The notice is written for each recipient here, in their language, from the facts as they
 * stand when the step runs. One pass through the send task is one occurrence (its activity
 * instance): a second pass (a loop, a second claim change) is a new notice.
 */
@Component("sendNoticeDelegate")
public class SendNoticeDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(SendNoticeDelegate.class);

  private final NoticeContextLoader contexts;
  private final RecipientResolver recipients;
  private final NoticeRenderer renderer;
  private final NoticeOutbox outbox;
  private final NoticeMailer mailer;

  SendNoticeDelegate(NoticeContextLoader contexts, RecipientResolver recipients,
      NoticeRenderer renderer, NoticeOutbox outbox, NoticeMailer mailer) {
    this.contexts = contexts;
    this.recipients = recipients;
    this.renderer = renderer;
    this.outbox = outbox;
    this.mailer = mailer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Notice notice = Notice.valueOf(parameter(execution, "notice"));
    List<RecipientRole> roles = RecipientRole.parseList(parameter(execution, "recipients"));
    // The step may run in a party's own call (a buyer completing a task in Tasklist): what the
    // notice reads (the other party's address and language, the open task, the deadline's timer)
    // is the service's to read, not that party's, so the engine is asked without their login.
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      NoticeContext context = contexts.load(notice, execution);
      for (Recipient recipient : recipients.resolve(roles, context, execution)) {
        write(context, recipient, execution);
      }
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private void write(NoticeContext context, Recipient recipient, DelegateExecution execution) {
    String businessKey = context.businessKey() != null
        ? context.businessKey() : execution.getProcessInstanceId();
    String occurrence = execution.getActivityInstanceId();
    String key = String.join(":",
        businessKey, context.notice().name(), recipient.userId(), occurrence);
    Entry entry = new Entry(key, businessKey, context.disputeId(), context.notice(),
        recipient.userId(), recipient.role(), recipient.name(), recipient.email(),
        recipient.locale().toLanguageTag(), execution.getProcessInstanceId(),
        execution.getCurrentActivityId(), occurrence, mailer.messageIdFor(key));
    if (recipient.email() == null) {
      outbox.recordUndeliverable(entry, "no email address known for user " + recipient.userId());
      LOG.warn("Notice {} not sent: no email address known for user {}", key, recipient.userId());
      return;
    }
    outbox.record(entry, renderer.render(context, recipient));
  }

  private static String parameter(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("Send task " + execution.getCurrentActivityId()
          + " has no input parameter '" + name + "'");
    }
    return value.toString().trim();
  }
}
