/**
 * The storage SPI: what a host implements to keep the CRM in its own database. One store per
 * aggregate ({@link org.ecrm.core.spi.CustomerStore}, {@link org.ecrm.core.spi.OrderStore}, ...)
 * bundled by {@link org.ecrm.core.spi.Storage}, discovered through
 * {@link org.ecrm.core.spi.StorageProvider}. Prove an adapter with the contract kit in
 * {@code crm-core:test-jar} ({@code org.ecrm.core.testkit}).
 */
@NullMarked
package org.ecrm.core.spi;

import org.jspecify.annotations.NullMarked;
