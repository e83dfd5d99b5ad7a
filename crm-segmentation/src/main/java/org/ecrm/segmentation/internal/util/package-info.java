/**
 * The module's small shared utilities (primitive hash maps and sets, radix sort, composite sort keys,
 * argument checks); they depend on nothing else in the module. Not exported, no compatibility promise.
 */
@NullMarked
package org.ecrm.segmentation.internal.util;

import org.jspecify.annotations.NullMarked;
