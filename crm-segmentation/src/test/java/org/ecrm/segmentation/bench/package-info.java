/** JMH benchmarks (test sources only: never in the published jar). */
@NullMarked
package org.ecrm.segmentation.bench;

import org.jspecify.annotations.NullMarked;
