package org.ecrm.core.spi;

import org.ecrm.core.model.ConsentRecord;

/**
 * Stores the append-only consent history: a {@link HistoryStore} of {@link ConsentRecord}s. Thread-safe;
 * each method atomic.
 */
public interface ConsentStore extends HistoryStore<ConsentRecord> {}
