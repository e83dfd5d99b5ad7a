package org.ecrm.examples.report;

import java.util.List;
import org.owasp.encoder.Encode;

/** Escaped HTML fragments: tables, tiles, figures. Every data string goes through the OWASP encoder. Stateless. */
final class Html {
  private Html() {}

  static String esc(String s) {
    return Encode.forHtml(s);
  }

  /**
   * A table; {@code numeric[i]} right-aligns column i. Cells are plain text (escaped here); a cell may be
   * given a background colour with {@link #shaded}.
   */
  static void table(StringBuilder h, String id, String caption, List<String> headers, List<List<Object>> rows,
      boolean... numeric) {
    h.append("<figure>\n<table id=\"").append(Encode.forHtmlAttribute(id)).append("\">\n<caption>").append(esc(caption))
        .append("</caption>\n<thead><tr>");
    for (String head : headers) {
      h.append("<th>").append(esc(head)).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    if (rows.isEmpty()) {
      h.append("<tr><td colspan=\"").append(headers.size()).append("\" class=\"empty\">none</td></tr>\n");
    }
    for (List<Object> row : rows) {
      h.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        boolean n = i < numeric.length && numeric[i];
        Object cell = row.get(i);
        if (cell instanceof Shaded s) {
          h.append("<td class=\"n\" style=\"background:").append(s.background).append(";color:").append(s.ink)
              .append("\">").append(esc(s.text)).append("</td>");
        } else {
          h.append(n ? "<td class=\"n\">" : "<td>").append(esc(String.valueOf(cell))).append("</td>");
        }
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n</figure>\n");
  }

  /** A table cell with a background from the report's colour scale, {@code t} in 0..1. */
  static Shaded shaded(String text, double t) {
    return new Shaded(text, Svg.colour(t), t > 0.45 ? "#fff" : "#111");
  }

  record Shaded(String text, String background, String ink) {}

  /** A figure with an SVG chart (already escaped by {@link Svg}) and a caption. */
  static void figure(StringBuilder h, String svg, String caption) {
    h.append("<figure>\n").append(svg).append("<figcaption>").append(esc(caption)).append("</figcaption>\n</figure>\n");
  }

  /** A note paragraph. */
  static void note(StringBuilder h, String text) {
    h.append("<p class=\"note\">").append(esc(text)).append("</p>\n");
  }

  /**
   * A headline tile: the label, the value and, when there is a previous value, the change.
   *
   * @param change e.g. "+12.3 % vs …" or empty; {@code up} colours it
   */
  static void tile(StringBuilder h, String label, String value, String change, int direction) {
    h.append("<div class=\"tile\"><div class=\"label\">").append(esc(label)).append("</div><div class=\"value\">")
        .append(esc(value)).append("</div>");
    if (!change.isEmpty()) {
      String cls = direction > 0 ? "delta up" : direction < 0 ? "delta down" : "delta";
      h.append("<div class=\"").append(cls).append("\">").append(esc(change)).append("</div>");
    }
    h.append("</div>\n");
  }
}
