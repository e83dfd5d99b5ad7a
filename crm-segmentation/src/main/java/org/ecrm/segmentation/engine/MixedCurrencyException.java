package org.ecrm.segmentation.engine;

import java.util.Currency;

/** Thrown when an analysis meets a second currency; one analysis works in one currency. */
public final class MixedCurrencyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code found} met while the analysis is in {@code expected}. */
  public MixedCurrencyException(Currency expected, Currency found, long record) {
    super("record " + record + ", field currency: " + found.getCurrencyCode()
        + " but the analysis is in " + expected.getCurrencyCode() + " (one currency per analysis)");
  }
}
