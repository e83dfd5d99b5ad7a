/**
 * The storage SPI contract kit, shipped as {@code org.ecrm:crm-core:test-jar}: abstract JUnit 5 test
 * classes that any {@link org.ecrm.core.spi.Storage} implementation extends to prove it keeps the
 * SPI's promises (CRUD, unique keys and index consistency, optimistic versions, keyset iteration, no
 * lost update under 16 concurrent writers). Extend each {@code *Contract} class and implement
 * {@link org.ecrm.core.spi.contract.StoreContractSupport#newStorage()}.
 */
@NullMarked
package org.ecrm.core.spi.contract;

import org.jspecify.annotations.NullMarked;
