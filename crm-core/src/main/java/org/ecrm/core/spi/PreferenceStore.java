package org.ecrm.core.spi;

import org.ecrm.core.model.Preferences;

/**
 * Stores the history of each customer's preferences, a {@link HistoryStore} of {@link Preferences}: every
 * change appends a full snapshot; the last one is in force. Thread-safe; each method atomic.
 */
public interface PreferenceStore extends HistoryStore<Preferences> {}
