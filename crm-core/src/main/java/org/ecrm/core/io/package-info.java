/**
 * Bulk import with upsert from CSV (read with FastCSV) and JSON Lines: {@link org.ecrm.core.io.ImportRequest}
 * says what and how, {@link org.ecrm.core.io.Imports} runs it, {@link org.ecrm.core.io.ImportResult}
 * reports created / updated / unchanged counts and every rejected row with its line, field and reason.
 *
 * <p>Start at {@link org.ecrm.core.io.Imports}, from {@code Crm.imports()}.
 */
@NullMarked
package org.ecrm.core.io;

import org.jspecify.annotations.NullMarked;
