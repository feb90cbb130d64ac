package com.marketplace.disputes.cluster;

import com.marketplace.disputes.DisputeMediationApplication;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * The main class of a cluster node that a test starts in a JVM of its own: the application as
 * packaged, plus {@link NodeExtras} and the classes named in the system property
 * {@value #SOURCES} (comma-separated, e.g. the benchmark's client worker). The node stops when its parent test JVM goes away (its
 * standard input closes), so no node outlives a crashed test run.
 */
public final class ClusterNodeMain {

  static final String SOURCES = "cluster.node.sources";

  private ClusterNodeMain() {
  }

  public static void main(String[] args) throws ClassNotFoundException {
    Thread watchdog = new Thread(ClusterNodeMain::exitWhenParentIsGone, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();

    List<Class<?>> sources = new ArrayList<>(List.of(DisputeMediationApplication.class,
        NodeExtras.class));
    for (String name : System.getProperty(SOURCES, "").split(",")) {
      if (!name.isBlank()) {
        sources.add(Class.forName(name.strip()));
      }
    }
    SpringApplication application = new SpringApplication(sources.toArray(Class<?>[]::new));
    application.addInitializers(context -> context.getBeanFactory()
        .registerSingleton("testClassesExcludeFilter", new TestClassesExcludeFilter()));
    application.run(args);
  }

  private static void exitWhenParentIsGone() {
    try (InputStream in = System.in) {
      while (in.read() != -1) {
        // Nothing is sent; end of input means the parent died or let go of the node.
      }
    } catch (IOException ignored) {
      // Same as end of input.
    }
    Runtime.getRuntime().halt(3);
  }

  /**
   * Keeps the component scan of the application's packages away from the test classes (test
   * drivers, test configurations of other tests such as a failing payment gateway): a node runs
   * the production beans and only the extras it is given explicitly.
   */
  public static final class TestClassesExcludeFilter extends TypeExcludeFilter {

    @Override
    public boolean match(MetadataReader metadataReader, MetadataReaderFactory factory)
        throws IOException {
      return metadataReader.getResource().getURL().toString().contains("/test-classes/");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof TestClassesExcludeFilter;
    }

    @Override
    public int hashCode() {
      return TestClassesExcludeFilter.class.hashCode();
    }
  }
}
