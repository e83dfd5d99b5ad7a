/** Implementation of the segmentation engine; not exported, no compatibility promise. */
@NullMarked
package org.ecrm.segmentation.internal;

import org.jspecify.annotations.NullMarked;
