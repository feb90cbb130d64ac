package com.marketplace.disputes.notification;

import com.marketplace.disputes.config.DisputePolicy;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Lets models say {@code ${disputePolicy.…}} in tests: the policy record is registered under its
 * configuration-properties name. Does nothing once the application names a bean disputePolicy.
 */
class DisputePolicyAlias implements BeanFactoryPostProcessor {

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    if (beanFactory.containsBean("disputePolicy")) {
      return;
    }
    String[] names = beanFactory.getBeanNamesForType(DisputePolicy.class, false, false);
    if (names.length == 1) {
      beanFactory.registerAlias(names[0], "disputePolicy");
    }
  }
}
