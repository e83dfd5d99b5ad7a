/**
 * A self-contained HTML report with SVG charts ({@link org.ecrm.examples.report.HtmlReport}): RFM heat
 * map, segment sizes and revenue, the Pareto curve, sessions per day, top pages and the return-visit
 * distribution. Every user-supplied string is escaped with the OWASP Java Encoder.
 */
@NullMarked
package org.ecrm.examples.report;

import org.jspecify.annotations.NullMarked;
