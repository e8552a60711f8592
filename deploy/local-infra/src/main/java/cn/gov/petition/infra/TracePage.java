package cn.gov.petition.infra;

import cn.gov.petition.infra.TraceCollector.TraceSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The collector's page: a form for a case id or number, and each of the case's traces as a
 * waterfall (one row a span, indented under its parent, a bar where it ran).
 */
final class TracePage {

  private TracePage() {}

  static String render(String caseKey, List<List<TraceSpan>> traces) {
    StringBuilder html = new StringBuilder();
    html.append(
        """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8">
        <title>链路追踪 Traces</title>
        <style>
        body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%}
        td,th{padding:2px 6px;text-align:left;font-size:13px;border-bottom:1px solid #eee}
        .bar{height:10px;background:#3b7ddd}.err{background:#d33}.lane{width:40%}
        </style></head><body>
        <h1>链路追踪 <small>Traces of a case</small></h1>
        <form method="get" action="/"><label>案件编号或 ID (case number or id)
        <input name="case" value=\"""");
    html.append(escape(caseKey)).append("\"></label> <button>查询 Find</button></form>\n");
    if (!caseKey.isEmpty() && traces.isEmpty()) {
      html.append("<p id=\"none\">没有找到该案件的链路 (no trace of this case yet).</p>\n");
    }
    for (List<TraceSpan> trace : traces) {
      if (trace.isEmpty()) {
        continue;
      }
      long start = trace.stream().mapToLong(TraceSpan::startNanos).min().orElse(0);
      long end =
          trace.stream().mapToLong(s -> s.startNanos() + s.durationNanos()).max().orElse(start + 1);
      double width = Math.max(1, end - start);
      html.append("<h2>")
          .append(escape(trace.get(0).traceId()))
          .append(" <small>")
          .append(trace.size())
          .append(" spans, ")
          .append(String.format("%.1f", (end - start) / 1e6))
          .append(" ms</small></h2>\n");
      html.append(
          "<table class=\"trace\"><tr><th>节点 node</th><th>服务 service</th><th>操作 span</th>"
              + "<th>ms</th><th class=\"lane\"></th></tr>\n");
      for (Row row : ordered(trace)) {
        TraceSpan span = row.span();
        double left = 100 * (span.startNanos() - start) / width;
        double bar = Math.max(0.3, 100 * span.durationNanos() / width);
        html.append("<tr title=\"")
            .append(escape(span.attributes().toString()))
            .append("\"><td>")
            .append(escape(span.node()))
            .append("</td><td>")
            .append(escape(span.service()))
            .append("</td><td style=\"padding-left:")
            .append(6 + 14 * row.depth())
            .append("px\">")
            .append(escape(span.name()))
            .append(" <small>")
            .append(escape(span.kind().toLowerCase()))
            .append("</small></td><td>")
            .append(String.format("%.1f", span.durationNanos() / 1e6))
            .append("</td><td class=\"lane\"><div class=\"bar")
            .append(span.error() ? " err" : "")
            .append("\" style=\"margin-left:")
            .append(String.format("%.2f", left))
            .append("%;width:")
            .append(String.format("%.2f", bar))
            .append("%\"></div></td></tr>\n");
      }
      html.append("</table>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  private record Row(TraceSpan span, int depth) {}

  /** The spans depth first, each under its parent, siblings in the order they started. */
  private static List<Row> ordered(List<TraceSpan> spans) {
    Map<String, List<TraceSpan>> children = new HashMap<>();
    List<TraceSpan> roots = new ArrayList<>();
    Map<String, TraceSpan> byId = new HashMap<>();
    spans.forEach(span -> byId.put(span.spanId(), span));
    for (TraceSpan span : spans) {
      if (byId.containsKey(span.parentSpanId())) {
        children.computeIfAbsent(span.parentSpanId(), id -> new ArrayList<>()).add(span);
      } else {
        roots.add(span);
      }
    }
    List<Row> rows = new ArrayList<>();
    roots.forEach(root -> visit(root, 0, children, rows));
    return rows;
  }

  private static void visit(
      TraceSpan span, int depth, Map<String, List<TraceSpan>> children, List<Row> rows) {
    rows.add(new Row(span, depth));
    children
        .getOrDefault(span.spanId(), List.of())
        .forEach(child -> visit(child, depth + 1, children, rows));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
