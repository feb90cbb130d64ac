package com.marketplace.disputes.config;

import javax.xml.datatype.DatatypeFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Names two providers that libraries otherwise search the whole classpath for, each time they need
 * one: JavaMail's stream provider (looked up for every body part created or written, several times
 * per notice) and the XML datatype factory the engine's duration parser uses (for every job it
 * creates with a retry cycle, so for every notice job). Each search opens every jar on the
 * classpath under that jar's lock: thread dumps of a deadline storm showed most job threads
 * waiting there. Named here, each library loads its provider by name instead. The names are the
 * providers the search finds (JavaMail's own, the JDK's default), so nothing else changes; a
 * system property the operator sets wins.
 */
@Component
public class ProviderLookups {

  static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
  static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

  ProviderLookups() {
    nameProviders();
  }

  static void nameProviders() {
    setIfAbsent(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
        DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    if (ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, ProviderLookups.class.getClassLoader())) {
      setIfAbsent(MAIL_STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
    }
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
