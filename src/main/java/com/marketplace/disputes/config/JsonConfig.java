package com.marketplace.disputes.config;

import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.math.BigDecimal;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Money is a decimal string on the wire ("22.40"), never a JSON number a client reads as float. */
@Configuration(proxyBeanMethods = false)
public class JsonConfig {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer moneyAsDecimalStrings() {
    return builder -> builder.modulesToInstall(
        new SimpleModule("money").addSerializer(BigDecimal.class, ToStringSerializer.instance));
  }
}
