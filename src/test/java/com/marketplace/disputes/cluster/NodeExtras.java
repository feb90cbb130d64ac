package com.marketplace.disputes.cluster;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * What a test node has on top of the application: a way to slow down the escalation step (so a
 * test can kill a node while it holds locked jobs), a way to flush the engine's metrics now, and
 * a stand-in notice sender while the application has none of its own.
 *
 * <p>Deliberately not a {@code @Configuration} and without annotated controllers: the test
 * contexts of the other tests scan this package and must not pick any of it up. A node names this
 * class as a source of its application ({@link ClusterNodeMain}), which reads its bean methods.
 */
public class NodeExtras {

  static final String SLOW_ACTIVITY = "EscalateToPlatform";

  /** Milliseconds each escalation sleeps inside its job's transaction; 0 = full speed. */
  @Bean
  AtomicLong escalationDelay() {
    return new AtomicLong();
  }

  @Bean
  AbstractProcessEnginePlugin slowEscalationPlugin(AtomicLong escalationDelay) {
    ExecutionListener sleep = execution -> {
      long millis = escalationDelay.get();
      if (millis > 0) {
        Thread.sleep(millis);
      }
    };
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
          configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
          @Override
          public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (SLOW_ACTIVITY.equals(activity.getId())) {
              activity.addListener(ExecutionListener.EVENTNAME_START, sleep);
            }
          }
        });
      }
    };
  }

  /** Test controls over HTTP; the path is outside every secured path of the application. */
  @Bean
  RouterFunction<ServerResponse> clusterTestControls(AtomicLong escalationDelay,
      ProcessEngine processEngine) {
    return RouterFunctions.route()
        .POST("/cluster-test/escalation-delay", request -> {
          long millis = Long.parseLong(request.param("millis").orElse("0"));
          escalationDelay.set(millis);
          return ServerResponse.ok().body(Map.of("millis", millis));
        })
        // Writes the metrics counted so far to ACT_RU_METER_LOG (normally every 15 minutes).
        .POST("/cluster-test/report-metrics", request -> {
          processEngine.getManagementService().reportDbMetricsNow();
          return ServerResponse.ok().body(Map.of("reported", true));
        })
        .build();
  }

  /**
   * Registers a no-op {@code sendNoticeDelegate} only if the application defines none (the
   * notification capability brings the real one); notices are counted from the engine's history.
   */
  @Bean
  static BeanDefinitionRegistryPostProcessor noticeStandIn() {
    return registry -> registerNoticeStandIn(registry);
  }

  private static void registerNoticeStandIn(BeanDefinitionRegistry registry) {
    if (!registry.containsBeanDefinition("sendNoticeDelegate")) {
      registry.registerBeanDefinition("sendNoticeDelegate",
          new RootBeanDefinition(JavaDelegate.class, () -> execution -> { }));
    }
  }
}
