/**
 * Argument checks every layer of crm-core uses ({@link org.ecrm.core.internal.check.Checks}: required
 * text, ranges, collection copies, each error naming the field) and the jackson-databind presence check
 * ({@link org.ecrm.core.internal.check.JacksonCheck}). Depends on the JDK only, so the value packages can use
 * it; not exported.
 */
@NullMarked
package org.ecrm.core.internal.check;

import org.jspecify.annotations.NullMarked;
