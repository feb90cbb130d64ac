package com.marketplace.disputes.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * When asked for ({@code disputes.notices.embedded-smtp-enabled}, on in the demo profile) and no
 * {@code spring.mail.host} is configured, runs an SMTP server (GreenMail) on the loopback
 * interface and sends the notices there, so that a demo shows every mail in the outbox viewer.
 * With {@code spring.mail.host} set, Spring Boot's mail sender is used and this is off. Any other
 * start without a mail host is refused (security.ProductionStartRules): production mail must
 * never end up, unseen, in a server inside the application. The packaged jar leaves GreenMail out
 * (pom.xml), so there this is off whatever the property says, and the start rules say so.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = EmbeddedMailServerConfiguration.GREENMAIL_CLASS)
@ConditionalOnExpression("'${spring.mail.host:}'.isBlank()"
    + " and '${" + EmbeddedMailServerConfiguration.ENABLED + ":false}' == 'true'")
@EnableConfigurationProperties(MailProperties.class)
public class EmbeddedMailServerConfiguration {

  /** Turns the embedded server on while spring.mail.host is unset. */
  public static final String ENABLED = "disputes.notices.embedded-smtp-enabled";
  /** Present only where GreenMail is on the classpath (spring-boot:run, tests). */
  public static final String GREENMAIL_CLASS = "com.icegreen.greenmail.util.GreenMail";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMailServerConfiguration.class);

  @Bean(destroyMethod = "stop")
  GreenMail embeddedSmtpServer(NoticeProperties properties) {
    ServerSetup setup = new ServerSetup(properties.embeddedSmtpPort(), "127.0.0.1",
        ServerSetup.PROTOCOL_SMTP);
    GreenMail server = new GreenMail(properties.embeddedSmtpPort() == 0
        ? setup.dynamicPort() : setup);
    server.start();
    LOG.info("Embedded mail server on and no spring.mail.host set: notices go to the embedded SMTP server on 127.0.0.1:{};"
        + " admins see them at /outbox", server.getSmtp().getPort());
    return server;
  }

  @Bean
  EmbeddedMailbox embeddedMailbox(GreenMail embeddedSmtpServer) {
    return embeddedSmtpServer::getReceivedMessages;
  }

  /** Takes spring.mail.properties (the SMTP timeouts among them) like Spring Boot's sender. */
  @Bean
  JavaMailSenderImpl mailSender(GreenMail embeddedSmtpServer, MailProperties mail) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(embeddedSmtpServer.getSmtp().getPort());
    sender.setProtocol("smtp");
    sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
    sender.getJavaMailProperties().putAll(mail.getProperties());
    return sender;
  }
}
