package com.marketplace.disputes.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * With no {@code spring.mail.host} configured, runs an SMTP server (GreenMail) on the loopback
 * interface and sends the notices there, so that a fresh start shows every mail in the outbox
 * viewer. With {@code spring.mail.host} set, Spring Boot's mail sender is used and this is off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mail.host:}'.isBlank()")
@EnableConfigurationProperties(MailProperties.class)
class EmbeddedMailServerConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMailServerConfiguration.class);

  @Bean(destroyMethod = "stop")
  GreenMail embeddedSmtpServer(NoticeProperties properties) {
    ServerSetup setup = new ServerSetup(properties.embeddedSmtpPort(), "127.0.0.1",
        ServerSetup.PROTOCOL_SMTP);
    GreenMail server = new GreenMail(properties.embeddedSmtpPort() == 0
        ? setup.dynamicPort() : setup);
    server.start();
    LOG.info("No spring.mail.host set: notices go to the embedded SMTP server on 127.0.0.1:{};"
        + " admins see them at /outbox", server.getSmtp().getPort());
    return server;
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
