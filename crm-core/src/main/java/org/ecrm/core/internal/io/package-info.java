/** The import implementation: row readers (FastCSV, JSON Lines) and per-entity upserts. */
@NullMarked
package org.ecrm.core.internal.io;

import org.jspecify.annotations.NullMarked;
