package com.marketplace.disputes.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** With spring.mail.host set, that server takes the notices and no embedded one runs. */
class ConfiguredMailServerIT extends NoticeIntegrationTest {

  @Autowired ApplicationContext context;
  @Autowired JavaMailSenderImpl mailSender;

  @Test
  void configuredServerIsUsedAndTheEmbeddedOneIsOff() {
    assertThat(context.getBeanNamesForType(GreenMail.class)).isEmpty();
    assertThat(mailSender.getHost()).isEqualTo("127.0.0.1");
    assertThat(mailSender.getPort()).isEqualTo(SMTP_PORT);
    assertThat(mailSender.getJavaMailProperties())
        .containsEntry("mail.smtp.timeout", String.valueOf(SMTP_TIMEOUT_MILLIS))
        .containsEntry("mail.smtp.connectiontimeout", String.valueOf(SMTP_TIMEOUT_MILLIS))
        .containsEntry("mail.smtp.writetimeout", String.valueOf(SMTP_TIMEOUT_MILLIS));
  }
}
