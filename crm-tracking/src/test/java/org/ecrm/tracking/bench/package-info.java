/**
 * JMH benchmarks and the web-log import timing harness. Test sources only: never in the published jar.
 */
@NullMarked
package org.ecrm.tracking.bench;

import org.jspecify.annotations.NullMarked;
