/**
 * The storage SPI contract kit, shipped as {@code org.ecrm:crm-core:test-jar}: abstract JUnit 5 test
 * classes that any {@link org.ecrm.core.spi.Storage} implementation extends to prove it keeps the
 * SPI's promises (CRUD, unique keys and index consistency, optimistic versions, keyset iteration, no
 * lost update under 16 concurrent writers). Extend each {@code *Contract} class and implement
 * {@link org.ecrm.core.testkit.StoreContractSupport#newStorage()}.
 *
 * <p>The test-jar holds this package only (no crm-core package is split with it) and names itself
 * {@code org.ecrm.core.testkit} in its manifest ({@code Automatic-Module-Name}), so it works on the class
 * path and on the module path alike.
 */
@NullMarked
package org.ecrm.core.testkit;

import org.jspecify.annotations.NullMarked;
