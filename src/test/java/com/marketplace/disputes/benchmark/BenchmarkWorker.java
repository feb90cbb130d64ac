package com.marketplace.disputes.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplace.disputes.benchmark.Lifecycles.Flavor;
import com.marketplace.disputes.benchmark.Lifecycles.Result;
import com.marketplace.disputes.cluster.ClusterNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The benchmark's clients on another node: the node's JVM runs its share of the lifecycles
 * against its own engine, with client threads of its own, and answers with what it measured. A
 * source of the node's application ({@link com.marketplace.disputes.cluster.ClusterNodeMain}),
 * not a scanned configuration, for the same reason as the cluster tests' node extras.
 */
public class BenchmarkWorker {

  static final String PATH = "/cluster-test/benchmark/lifecycles";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Bean
  RouterFunction<ServerResponse> benchmarkLifecycles(ProcessEngine engine,
      BenchmarkNode.SqlCounting sql, EngineSignals signals, JdbcTemplate jdbc) {
    return RouterFunctions.route()
        .POST(PATH, request -> {
          Population population = new Population(jdbc, number(request, "buyers"),
              number(request, "sellers"));
          Result result = new Lifecycles(engine, sql, signals, population).drive(
              Flavor.valueOf(request.param("flavor").orElseThrow()), number(request, "first"),
              number(request, "count"), number(request, "threads"));
          return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
              .body(JSON.writeValueAsString(result));
        })
        .build();
  }

  private static int number(ServerRequest request, String name) {
    return Integer.parseInt(request.param(name).orElseThrow(
        () -> new IllegalArgumentException("missing parameter " + name)));
  }

  /** Asks a node started with this worker to drive its share; waits as long as that takes. */
  static Lifecycles.Share on(ClusterNode node, int buyers, int sellers) {
    return (flavor, first, count, threads) -> {
      String query = String.format(Locale.ROOT,
          "?flavor=%s&first=%d&count=%d&threads=%d&buyers=%d&sellers=%d", flavor.name(), first,
          count, threads, buyers, sellers);
      var response = node.send(node.request(PATH + query, null).timeout(Duration.ofHours(2))
          .POST(HttpRequest.BodyPublishers.noBody()).build());
      if (response.statusCode() != 200) {
        throw new IOException("node " + node.name() + " answered " + response.statusCode()
            + " to its share of the lifecycles; see " + node.log());
      }
      return JSON.readValue(response.body(), Result.class);
    };
  }
}
