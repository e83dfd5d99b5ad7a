/**
 * The in-memory storage: {@link org.ecrm.core.memory.MemoryStorage#create()} (the only type here) gives a
 * new, empty {@link org.ecrm.core.spi.Storage} that keeps everything on the heap. The implementation lives in
 * a non-exported package below the storage SPI.
 */
@NullMarked
package org.ecrm.core.memory;

import org.jspecify.annotations.NullMarked;
