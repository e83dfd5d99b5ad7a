/**
 * Copy-paste examples and the demo application.
 */
@NullMarked
package org.ecrm.examples;

import org.jspecify.annotations.NullMarked;
