/**
 * The storage SPI: what a host implements to keep the CRM in its own database. One store per
 * aggregate ({@link org.ecrm.core.spi.CustomerStore}, {@link org.ecrm.core.spi.OrderStore}, ...)
 * bundled by {@link org.ecrm.core.spi.Storage}, discovered through
 * {@link org.ecrm.core.spi.StorageProvider}. Prove an adapter with the contract kit in
 * {@code crm-core:test-jar} ({@code org.ecrm.core.testkit}).
 *
 * <p>Start at {@link org.ecrm.core.spi.Storage}; extend {@link org.ecrm.core.spi.ForwardingStorage} to change
 * only some stores of another storage. Consents, preferences and the loyalty ledger share one per-customer
 * history shape, {@link org.ecrm.core.spi.HistoryStore}. The SPI sits above {@link org.ecrm.core.model} and
 * the feature packages' values and below the services; the in-memory implementation is reached through
 * {@link org.ecrm.core.memory.MemoryStorage}, the JDBC one through {@link org.ecrm.core.jdbc.JdbcStorage}.
 */
@NullMarked
package org.ecrm.core.spi;

import org.jspecify.annotations.NullMarked;
