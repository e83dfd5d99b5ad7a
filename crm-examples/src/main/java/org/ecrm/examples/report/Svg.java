package org.ecrm.examples.report;

import java.util.Locale;
import org.owasp.encoder.Encode;

/**
 * A small SVG writer: elements appended to a buffer, every attribute value and text escaped with the
 * OWASP encoder for its context (XML attribute or text content; valid in HTML too). Not thread-safe.
 */
final class Svg {
  static final String FONT = "font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\"";

  private final StringBuilder sb = new StringBuilder(4096);

  /** Opens an {@code <svg>} of the given size with an accessible title. */
  Svg(String chartId, int width, int height, String title) {
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").append(attr(chartId))
        .append("\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\" ")
        .append(FONT).append(" font-size=\"13\">\n<title>").append(text(title)).append("</title>\n");
  }

  static String attr(String s) {
    return Encode.forXmlAttribute(s);
  }

  static String text(String s) {
    return Encode.forXmlContent(s);
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** Raw markup the caller built (no user text). */
  Svg raw(String markup) {
    sb.append(markup);
    return this;
  }

  /** A rectangle with a CSS class and a tooltip. */
  Svg rect(String cssClass, double x, double y, double w, double h, String fill, String tooltip) {
    sb.append("<rect class=\"").append(attr(cssClass)).append("\" x=\"").append(num(x)).append("\" y=\"")
        .append(num(y)).append("\" width=\"").append(num(Math.max(0, w))).append("\" height=\"")
        .append(num(Math.max(0, h))).append("\" fill=\"").append(attr(fill)).append("\">");
    if (!tooltip.isEmpty()) {
      sb.append("<title>").append(text(tooltip)).append("</title>");
    }
    sb.append("</rect>\n");
    return this;
  }

  /** Text; {@code anchor} is start, middle or end; {@code extra} are trusted attributes (no user text). */
  Svg text(double x, double y, String s, String anchor, int size, String extra) {
    sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
        .append(anchor).append("\" font-size=\"").append(size).append('"');
    if (!extra.isEmpty()) {
      sb.append(' ').append(extra);
    }
    sb.append('>').append(text(s)).append("</text>\n");
    return this;
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String extra) {
    sb.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
        .append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(stroke)
        .append("\" stroke-width=\"").append(num(width)).append('"');
    if (!extra.isEmpty()) {
      sb.append(' ').append(extra);
    }
    sb.append("/>\n");
    return this;
  }

  /** Closes the element and returns the markup. */
  String close() {
    return sb.append("</svg>\n").toString();
  }

  /** Shortens {@code s} to {@code max} characters with an ellipsis (before escaping, so no entity is cut). */
  static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /** 1234567 → "1.2M", 12345 → "12.3k", 123 → "123". */
  static String compact(double v) {
    double a = Math.abs(v);
    if (a >= 1e6) {
      return String.format(Locale.ROOT, "%.1fM", v / 1e6);
    }
    if (a >= 1e4) {
      return String.format(Locale.ROOT, "%.1fk", v / 1e3);
    }
    if (a >= 100 || v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** A "nice" axis maximum ≥ {@code max}: 1, 2 or 5 times a power of ten. */
  static double niceMax(double max) {
    if (max <= 0) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(max)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= max) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /**
   * A sequential colour scale (light yellow → green → dark blue, after viridis), {@code t} in 0..1.
   */
  static String colour(double t) {
    int[][] stops = {{253, 231, 37}, {94, 201, 98}, {33, 145, 140}, {59, 82, 139}, {68, 1, 84}};
    double x = Math.max(0, Math.min(1, t)) * (stops.length - 1);
    int i = Math.min(stops.length - 2, (int) Math.floor(x));
    double f = x - i;
    int[] a = stops[i];
    int[] b = stops[i + 1];
    return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(a[0] + f * (b[0] - a[0])),
        Math.round(a[1] + f * (b[1] - a[1])), Math.round(a[2] + f * (b[2] - a[2])));
  }
}
