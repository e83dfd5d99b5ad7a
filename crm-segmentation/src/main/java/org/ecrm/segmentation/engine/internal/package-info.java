/** Implementation of the engine's accumulator and batch plumbing; not exported, no compatibility promise. */
@NullMarked
package org.ecrm.segmentation.engine.internal;

import org.jspecify.annotations.NullMarked;
