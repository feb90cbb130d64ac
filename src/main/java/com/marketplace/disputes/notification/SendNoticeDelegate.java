package com.marketplace.disputes.notification;

import com.marketplace.disputes.notification.NoticeOutbox.Entry;
import com.marketplace.disputes.notification.NoticeOutbox.Status;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the notice of a send task ({@code notice}, {@code recipients} input parameters) by email
 * to every recipient, at most once per recipient and occurrence.
 *
 * <p>The send task must be asynchronous ({@code camunda:asyncBefore}): the job that runs it is the
 * occurrence. A retried job is the same job, so the outbox knows what it sent already; a second
 * pass through the task (a loop, a second claim change) is a new job and sends again. An SMTP
 * failure propagates, so the engine retries the job and, when retries run out, raises an incident;
 * setting new retries in Cockpit sends what is still missing.
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
    String occurrence = occurrence(execution);
    NoticeContext context = contexts.load(notice, execution);
    for (Recipient recipient : recipients.resolve(roles, context, execution)) {
      deliver(context, recipient, execution, occurrence);
    }
  }

  private void deliver(NoticeContext context, Recipient recipient, DelegateExecution execution,
      String occurrence) {
    String businessKey = context.businessKey() != null
        ? context.businessKey() : execution.getProcessInstanceId();
    String key = String.join(":",
        businessKey, context.notice().name(), recipient.userId(), occurrence);
    if (recipient.email() == null) {
      outbox.recordUndeliverable(entry(key, businessKey, context, recipient, execution,
          occurrence, null), "no email address known for user " + recipient.userId());
      LOG.warn("Notice {} not sent: no email address known for user {}", key, recipient.userId());
      return;
    }
    RenderedNotice rendered = renderer.render(context, recipient);
    Status status = outbox.claim(entry(key, businessKey, context, recipient, execution,
        occurrence, rendered.subject()));
    if (status == Status.SENT || status == Status.UNDELIVERABLE) {
      LOG.debug("Notice {} is {} already, not sending it again", key, status);
      return;
    }
    try {
      mailer.send(recipient, rendered, key);
    } catch (RuntimeException e) {
      outbox.markFailed(key, describe(e));
      throw e;
    }
    outbox.markSent(key);
    LOG.info("Notice {} sent to {}", key, recipient.email());
  }

  private Entry entry(String key, String businessKey, NoticeContext context, Recipient recipient,
      DelegateExecution execution, String occurrence, String subject) {
    return new Entry(key, businessKey, context.disputeId(), context.notice(), recipient.userId(),
        recipient.role(), recipient.email(), recipient.locale().toLanguageTag(),
        execution.getProcessInstanceId(), execution.getCurrentActivityId(), occurrence,
        mailer.messageIdFor(key), subject);
  }

  /** The id of the job running this send task: stable across its retries, new for each pass. */
  private static String occurrence(DelegateExecution execution) {
    CommandContext commandContext = Context.getCommandContext();
    JobEntity job = commandContext == null ? null : commandContext.getCurrentJob();
    if (job == null) {
      throw new IllegalStateException("Send task " + execution.getCurrentActivityId()
          + " must be asynchronous (camunda:asyncBefore): a notice is sent only from a job");
    }
    return job.getId();
  }

  private static String parameter(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("Send task " + execution.getCurrentActivityId()
          + " has no input parameter '" + name + "'");
    }
    return value.toString().trim();
  }

  private static String describe(Throwable error) {
    StringBuilder text = new StringBuilder(error.toString());
    for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      text.append(" <- ").append(cause);
    }
    return text.toString();
  }
}
