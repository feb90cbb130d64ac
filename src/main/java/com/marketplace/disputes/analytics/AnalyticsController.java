package com.marketplace.disputes.analytics;

import com.marketplace.disputes.analytics.DisputeAnalytics.SellerRanking;
import com.marketplace.disputes.kernel.AppClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The figures as JSON and CSV for analysts and administrators ({@link AnalyticsAccessFilter}
 * keeps everyone else out). {@code from} and {@code to} are ISO dates (UTC days, both included);
 * without them the last 30 days up to today.
 */
@RestController
@RequestMapping("/api/analytics")
public class AnalyticsController {

  static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final DisputeAnalytics analytics;

  public AnalyticsController(DisputeAnalytics analytics) {
    this.analytics = analytics;
  }

  /** Every figure for the period: what the dashboard page loads. */
  @GetMapping
  public Map<String, Object> all(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "10") int minOrders,
      @RequestParam(defaultValue = "10") int limit) {
    AnalyticsPeriod period = AnalyticsPeriod.of(from, to);
    List<FigureTable> tables = analytics.all(period, ranking(minOrders, limit));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", period.from());
    body.put("to", period.to());
    body.put("generatedAt", AppClock.now());
    body.put("figures", tables.stream().map(FigureTable::document).toList());
    return body;
  }

  @GetMapping("/{figure}")
  public Map<String, Object> figure(@PathVariable String figure,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "10") int minOrders,
      @RequestParam(defaultValue = "10") int limit) {
    return table(figure, from, to, minOrders, limit).document();
  }

  /** The same rows as the JSON, as a file to download. */
  @GetMapping("/{figure}.csv")
  public ResponseEntity<String> csv(@PathVariable String figure,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "10") int minOrders,
      @RequestParam(defaultValue = "10") int limit) {
    FigureTable table = table(figure, from, to, minOrders, limit);
    String filename = "disputes-" + table.figure().id() + "-" + table.period().from() + "-to-"
        + table.period().to() + ".csv";
    return ResponseEntity.ok()
        .contentType(TEXT_CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .body(table.csv());
  }

  private FigureTable table(String id, LocalDate from, LocalDate to, int minOrders, int limit) {
    Figure figure = Figure.byId(id).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "no figure " + id));
    return analytics.figure(figure, AnalyticsPeriod.of(from, to), ranking(minOrders, limit));
  }

  private static SellerRanking ranking(int minOrders, int limit) {
    if (minOrders < 0 || limit < 1 || limit > 100) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "minOrders must be 0 or more, limit between 1 and 100");
    }
    return new SellerRanking(minOrders, limit);
  }
}
