package com.marketplace.disputes.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

class NoDelaySocketFactoryTest {

  @Test
  void socketsItConnectsSendAtOnce() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket socket = NoDelaySocketFactory.getDefault()
            .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
      assertThat(socket.isConnected()).isTrue();
      assertThat(socket.getTcpNoDelay()).isTrue();
    }
  }

  /** The class named in application.yaml is one Jakarta Mail can load and ask for its factory. */
  @Test
  void theMailConfigurationNamesIt() throws Exception {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    Properties application = yaml.getObject();
    String name = application.getProperty(
        "spring.mail.properties[mail.smtp.socketFactory.class]",
        application.getProperty("spring.mail.properties.mail.smtp.socketFactory.class"));
    assertThat(name).isEqualTo(NoDelaySocketFactory.class.getName());
    Object factory = Class.forName(name).getMethod("getDefault").invoke(null);
    assertThat(factory).isInstanceOf(NoDelaySocketFactory.class);
  }
}
