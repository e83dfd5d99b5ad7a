/** Implementation of duplicate detection: normalisation, Jaro-Winkler similarity, blocking. Not API. */
@NullMarked
package org.ecrm.core.dedupe.internal;

import org.jspecify.annotations.NullMarked;
