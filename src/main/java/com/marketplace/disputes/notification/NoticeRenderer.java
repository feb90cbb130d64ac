package com.marketplace.disputes.notification;

import com.marketplace.disputes.config.DisputePolicy;
import com.marketplace.disputes.dispute.ClosureReason;
import com.marketplace.disputes.policy.PolicyCatalogue;
import com.marketplace.disputes.policy.RuleText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes a notice for one recipient from the shared templates {@code templates/notices/notice.html}
 * and {@code notice.txt}, with the words of the bundle {@code i18n/notices} in the recipient's
 * language. Per notice the bundle holds the subject, the introduction and optional further text;
 * the facts, the deadline and the link to Tasklist are laid out the same way for all.
 */
@Component
class NoticeRenderer {

  private final SpringTemplateEngine templates;
  private final ResourceBundleMessageSource messages;
  private final NoticeProperties properties;
  private final DisputePolicy policy;
  private final PolicyCatalogue catalogue;

  NoticeRenderer(NoticeProperties properties, DisputePolicy policy, PolicyCatalogue catalogue) {
    this.properties = properties;
    this.policy = policy;
    this.catalogue = catalogue;
    // Its own engine and bundle, not beans: the web pages keep Spring Boot's Thymeleaf setup
    // and the application's own message source.
    messages = new ResourceBundleMessageSource();
    messages.setBasename("i18n/notices");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    messages.setAlwaysUseMessageFormat(true);
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/notices/");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setTextTemplateModePatterns(Set.of("*.txt"));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    templates = new SpringTemplateEngine();
    templates.setTemplateResolver(resolver);
    templates.setTemplateEngineMessageSource(messages);
  }

  RenderedNotice render(NoticeContext notice, Recipient recipient) {
    Locale locale = recipient.locale();
    MessageSourceAccessor text = new MessageSourceAccessor(messages, locale);
    NoticeFormat format = new NoticeFormat(locale, properties.zone(), text);
    String name = notice.notice().name();
    String role = recipient.role().name();
    Object[] args = {notice.reference(), orderLabel(notice), recipient.name()};

    String subject = text.getMessage(resolvable(args, null,
        "notice." + name + ".subject." + role, "notice." + name + ".subject"));
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(text.getMessage(resolvable(args, null,
        "notice." + name + ".intro." + role, "notice." + name + ".intro")));
    String body = text.getMessage(resolvable(args, "",
        "notice." + name + ".body." + role, "notice." + name + ".body"));
    if (!body.isEmpty()) {
      paragraphs.add(body);
    }
    String appealHint = appealHint(notice, text, format);
    if (appealHint != null) {
      paragraphs.add(appealHint);
    }

    View view = new View(
        locale.getLanguage(),
        subject,
        text.getMessage("mail.greeting", new Object[] {recipient.name()}),
        paragraphs,
        rows(notice, text, format, locale),
        deadline(notice, text, format),
        action(notice, recipient, text),
        notice.reference());
    Context context = new Context(locale, Map.of("view", view));
    return new RenderedNotice(subject,
        templates.process("notice.html", context),
        templates.process("notice.txt", context));
  }

  private List<Row> rows(NoticeContext notice, MessageSourceAccessor text, NoticeFormat format,
      Locale locale) {
    List<Row> rows = new ArrayList<>();
    if (notice.disputeId() != null) {
      rows.add(new Row(text.getMessage("fact.disputeId"), notice.disputeId()));
    }
    if (notice.businessKey() != null && !notice.businessKey().equals(notice.disputeId())) {
      rows.add(new Row(text.getMessage("fact.reference"), notice.businessKey()));
    }
    if (notice.orderId() != null) {
      rows.add(new Row(text.getMessage("fact.order"), orderLabel(notice)));
    }
    if (notice.orderAmount() != null) {
      rows.add(new Row(text.getMessage("fact.orderAmount"),
          format.amount(notice.orderAmount(), notice.currency())));
    }
    notice.facts().forEach((fact, value) -> {
      String label = text.getMessage("fact." + fact.variable);
      switch (fact.kind) {
        case AMOUNT -> rows.add(new Row(label,
            format.amount(NoticeFormat.decimal(value), notice.currency())));
        case DATE -> rows.add(new Row(label, format.date(value)));
        case CODE -> rows.add(new Row(label, text.getMessage(resolvable(null, value.toString(),
            "code." + fact.variable + "." + value))));
        case TEXT -> rows.add(new Row(label, value.toString()));
        // One row per rule, with the words the parties read in the case file.
        case RULES -> ruleTexts(value, locale).forEach(rule -> rows.add(new Row(label,
            rule.text().isEmpty() ? rule.title() : rule.title() + ": " + rule.text())));
      }
    });
    return rows;
  }

  private List<RuleText> ruleTexts(Object value, Locale locale) {
    List<String> ids = value instanceof List<?> list
        ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
    return catalogue.texts(ids, locale);
  }

  private Deadline deadline(NoticeContext notice, MessageSourceAccessor text, NoticeFormat format) {
    if (notice.deadline() == null) {
      return null;
    }
    return new Deadline(
        text.getMessage("turn." + notice.notice().turn.name() + ".deadline"),
        format.dateTime(notice.deadline()),
        format.timeLeft(notice.deadline(), notice.now()));
  }

  /**
   * A link only for whoever has to act. The send task runs before the task it announces is
   * created, so the link finds it by the business key until it exists.
   */
  private Action action(NoticeContext notice, Recipient recipient, MessageSourceAccessor text) {
    Turn turn = notice.notice().turn;
    if (turn == null || turn.actor != recipient.role()) {
      return null;
    }
    String url = notice.taskId() != null
        ? properties.tasklistUrl() + "#/?task=" + notice.taskId()
        : properties.tasklistUrl() + "#/?searchQuery=" + URLEncoder.encode(
            "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\""
                + notice.businessKey() + "\",\"name\":\"\"}]",
            StandardCharsets.UTF_8).replace("+", "%20");
    return new Action(text.getMessage("turn." + turn.name() + ".action"), url);
  }

  private String appealHint(NoticeContext notice, MessageSourceAccessor text, NoticeFormat format) {
    if (!notice.notice().appealHint) {
      return null;
    }
    Object closure = notice.facts().get(Fact.CLOSURE_REASON);
    if (notice.notice() == Notice.DISPUTE_CLOSED) {
      if (closure == null || !ClosureReason.appealable(closure.toString())) {
        return null;
      }
      Instant closedAt = notice.closedAt() != null ? notice.closedAt() : notice.now();
      Instant until = DisputePolicy.after(closedAt, policy.getAppealWindow());
      return text.getMessage("appeal.until",
          new Object[] {format.dateTime(until), notice.reference()});
    }
    return text.getMessage("appeal.window",
        new Object[] {format.duration(policy.getAppealWindow()), notice.reference()});
  }

  private static String orderLabel(NoticeContext notice) {
    if (notice.orderId() == null) {
      return "";
    }
    return notice.orderTitle() == null
        ? notice.orderId()
        : notice.orderId() + " \u2013 " + notice.orderTitle();
  }

  private static DefaultMessageSourceResolvable resolvable(Object[] args, String fallback,
      String... codes) {
    return new DefaultMessageSourceResolvable(codes, args, fallback);
  }

  /** What the templates lay out. */
  record View(String language, String subject, String greeting, List<String> paragraphs,
      List<Row> facts, Deadline deadline, Action action, String reference) {}

  record Row(String label, String value) {}

  record Deadline(String label, String when, String left) {}

  record Action(String text, String url) {}
}
