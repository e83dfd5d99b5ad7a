package org.ecrm.core.io;

/** The input format of an import. */
public enum ImportFormat {
  /** RFC 4180 CSV with a header row; values are mapped by header name. */
  CSV,

  /** One JSON object per line; values are mapped by property name; scalars are read as text. */
  JSON_LINES
}
