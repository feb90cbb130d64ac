package com.marketplace.disputes.benchmark;

import com.marketplace.disputes.DisputeMediationApplication;
import com.marketplace.disputes.cluster.ClusterNode;
import com.marketplace.disputes.cluster.ClusterNodeMain;
import com.marketplace.disputes.cluster.TestPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

/**
 * The application as it ships, started in this JVM for one benchmark variant (database, history
 * level), with its job executor on, mail going to the embedded SMTP server and the built-in
 * payment provider. Its data source is wrapped so that every SQL statement and commit is counted.
 * With {@code nodes > 1} (PostgreSQL only) the other nodes are JVMs of their own on the same
 * database, with the same heap and the same counting, whose job executors share the jobs; each
 * runs its share of the benchmark's clients ({@link BenchmarkWorker}).
 */
final class BenchmarkNode implements AutoCloseable {

  /** The heap of every node's JVM: this one's, as the benchmark profile starts it, and others'. */
  private static final String[] BENCHMARK_HEAP = {"-Xms2g", "-Xmx6g"};

  /** One configuration to measure. */
  record Variant(String database, String historyLevel, int nodes) {

    String label() {
      return database + ", history " + historyLevel + (nodes > 1 ? ", " + nodes + " nodes" : "");
    }
  }

  private final Variant variant;
  private final ConfigurableApplicationContext context;
  private final TestPostgres postgres;
  private final List<ClusterNode> otherNodes;

  private BenchmarkNode(Variant variant, ConfigurableApplicationContext context,
      TestPostgres postgres, List<ClusterNode> otherNodes) {
    this.variant = variant;
    this.context = context;
    this.postgres = postgres;
    this.otherNodes = otherNodes;
  }

  static BenchmarkNode start(Variant variant, Path workDirectory, List<String> extraArguments)
      throws IOException {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--camunda.bpm.history-level=" + variant.historyLevel());
    // A production start: an administrator, a database password and the embedded mail server
    // asked for by name (security.ProductionStartRules).
    args.add("--camunda.bpm.admin-user.id=" + ClusterNode.ADMIN);
    args.add("--camunda.bpm.admin-user.password=" + ClusterNode.ADMIN_PASSWORD);
    args.add("--disputes.notices.embedded-smtp-enabled=true");
    args.add("--disputes.notices.embedded-smtp-port=0");
    args.add("--logging.level.root=WARN");
    args.add("--logging.level.org.camunda.bpm.engine.jobexecutor=ERROR");
    args.add("--logging.level.org.camunda.bpm.engine.context=OFF");
    TestPostgres postgres = null;
    switch (variant.database()) {
      case "h2-disk" -> {
        Path directory = workDirectory.resolve("h2");
        FileSystemUtils.deleteRecursively(directory);
        args.add("--spring.profiles.active=benchmark");
        args.add("--spring.datasource.password=" + TestPostgres.PASSWORD);
        args.add("--spring.datasource.url=jdbc:h2:file:" + directory.toAbsolutePath()
            + "/disputes;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0"
            + ";QUERY_CACHE_SIZE=256");
      }
      case "h2-mem" -> {
        args.add("--spring.profiles.active=benchmark");
        args.add("--spring.datasource.password=" + TestPostgres.PASSWORD);
        args.add("--spring.datasource.url=jdbc:h2:mem:benchmark-" + System.nanoTime()
            + ";LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1;TRACE_LEVEL_FILE=0"
            + ";QUERY_CACHE_SIZE=256");
      }
      case "postgres" -> {
        postgres = TestPostgres.start();
        args.add("--spring.profiles.active=postgres");
        args.add("--DISPUTES_DB_URL=" + postgres.jdbcUrl());
        args.add("--DISPUTES_DB_USER=" + TestPostgres.USER);
        args.add("--DISPUTES_DB_PASSWORD=" + TestPostgres.PASSWORD);
        args.add("--disputes.cluster.node-name=node-a");
      }
      default -> throw new IllegalArgumentException("unknown database " + variant.database()
          + " (h2-disk, h2-mem, postgres)");
    }
    args.addAll(extraArguments);

    SpringApplication application =
        new SpringApplication(DisputeMediationApplication.class, SqlCounting.class);
    application.addInitializers(context -> context.getBeanFactory()
        .registerSingleton("testClassesExcludeFilter",
            new ClusterNodeMain.TestClassesExcludeFilter()));
    ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));

    List<ClusterNode> others = new ArrayList<>();
    for (int i = 1; i < variant.nodes(); i++) {
      if (postgres == null) {
        throw new IllegalArgumentException("several nodes need --database postgres");
      }
      ClusterNode.Spec spec = new ClusterNode.Spec("node-" + (char) ('a' + i), postgres.jdbcUrl())
          .jvm(BENCHMARK_HEAP)
          .source(SqlCounting.class)
          .source(BenchmarkWorker.class)
          .property("camunda.bpm.history-level", variant.historyLevel())
          .property("logging.level.root", "WARN");
      extraArguments.forEach(argument -> {
        String[] pair = argument.substring(2).split("=", 2);
        spec.property(pair[0], pair[1]);
      });
      others.add(spec.start(workDirectory.resolve("nodes")));
      others.get(others.size() - 1).awaitReady(Duration.ofMinutes(5));
    }
    return new BenchmarkNode(variant, context, postgres, others);
  }

  Variant variant() {
    return variant;
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  ProcessEngine engine() {
    return bean(ProcessEngine.class);
  }

  ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration();
  }

  EngineSignals signals() {
    return bean(EngineSignals.class);
  }

  SqlCounting sql() {
    return bean(SqlCounting.class);
  }

  /** The other nodes, each driving its share of the lifecycles with clients of its own. */
  List<Lifecycles.Share> otherNodes(Population population) {
    return otherNodes.stream()
        .map(node -> BenchmarkWorker.on(node, population.buyers(), population.sellers()))
        .toList();
  }

  /** Writes every node's engine metrics to ACT_RU_METER_LOG now (normally every 15 minutes). */
  void reportMetrics() throws IOException {
    engine().getManagementService().reportDbMetricsNow();
    for (ClusterNode node : otherNodes) {
      if (node.post("/cluster-test/report-metrics").statusCode() != 200) {
        throw new IllegalStateException("metrics not reported by " + node.name());
      }
    }
  }

  @Override
  public void close() {
    otherNodes.forEach(ClusterNode::close);
    context.close();
    if (postgres != null) {
      postgres.close();
    }
  }

  /**
   * Wraps the application's data sources: counts SQL statements (each entry of a JDBC batch as
   * one), reads apart from writes, and the commits of transactions that wrote: what the engine's
   * transactions cost the database. Read-only transactions (queries, the client's polling) are
   * not counted as transactions.
   */
  @Configuration(proxyBeanMethods = false)
  static class SqlCounting {

    final LongAdder reads = new LongAdder();
    final LongAdder writes = new LongAdder();
    final LongAdder commits = new LongAdder();
    /** Connections that wrote since their last commit: only their commits are transactions. */
    private final Set<String> writing = ConcurrentHashMap.newKeySet();

    @Bean
    EngineSignals engineSignals() {
      return new EngineSignals();
    }

    @Bean
    static BeanPostProcessor countingDataSources(SqlCounting counting) {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (!(bean instanceof DataSource dataSource) || bean instanceof ProxyDataSource) {
            return bean;
          }
          return ProxyDataSourceBuilder.create(dataSource).name(name)
              .afterQuery((execution, queries) -> {
                int count = execution.isBatch() ? Math.max(1, execution.getBatchSize())
                    : queries.size();
                if (queries.get(0).getQuery().stripLeading().regionMatches(true, 0, "select", 0,
                    6)) {
                  counting.reads.add(count);
                } else {
                  counting.writes.add(count);
                  counting.writing.add(execution.getConnectionId());
                }
              })
              .afterMethod(call -> {
                if (call.getTarget() instanceof Connection
                    && "commit".equals(call.getMethod().getName())
                    && counting.writing.remove(call.getConnectionInfo().getConnectionId())) {
                  counting.commits.increment();
                }
              })
              .build();
        }
      };
    }

    long reads() {
      return reads.sum();
    }

    long writes() {
      return writes.sum();
    }

    long commits() {
      return commits.sum();
    }
  }
}
