/** The {@code ecrm} command-line tool (picocli): import, export, demo, and the analytics commands. */
@NullMarked
package org.ecrm.examples.cli;

import org.jspecify.annotations.NullMarked;
