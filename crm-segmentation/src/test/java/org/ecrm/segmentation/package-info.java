/** Tests of the segmentation API. */
@NullMarked
package org.ecrm.segmentation;

import org.jspecify.annotations.NullMarked;
