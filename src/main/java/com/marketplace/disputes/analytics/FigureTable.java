package com.marketplace.disputes.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One figure's numbers as a table: the same rows become the JSON document and the CSV file, so
 * the two cannot say different things.
 */
public record FigureTable(Figure figure, AnalyticsPeriod period, List<List<Object>> rows) {

  public FigureTable {
    for (List<Object> row : rows) {
      if (row.size() != figure.columns().size()) {
        throw new IllegalArgumentException(figure.id() + ": row " + row + " does not fit "
            + figure.columns());
      }
    }
  }

  /** Rows as objects keyed by column, in column order. */
  public List<Map<String, Object>> records() {
    List<Map<String, Object>> records = new ArrayList<>();
    for (List<Object> row : rows) {
      Map<String, Object> record = new LinkedHashMap<>();
      for (int i = 0; i < row.size(); i++) {
        record.put(figure.columns().get(i), row.get(i));
      }
      records.add(record);
    }
    return records;
  }

  /** The JSON document: what the figure is, for which days, and its rows. */
  public Map<String, Object> document() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("figure", figure.id());
    document.put("title", figure.title());
    document.put("definition", figure.definition());
    document.put("from", period.from());
    document.put("to", period.to());
    document.put("columns", figure.columns());
    document.put("rows", records());
    return document;
  }

  /** RFC 4180 CSV: a header of the column names, then one line per row; empty for no value. */
  public String csv() {
    StringBuilder csv = new StringBuilder();
    appendLine(csv, new ArrayList<>(figure.columns()));
    rows.forEach(row -> appendLine(csv, row));
    return csv.toString();
  }

  private static void appendLine(StringBuilder csv, List<?> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(field(values.get(i)));
    }
    csv.append("\r\n");
  }

  private static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
