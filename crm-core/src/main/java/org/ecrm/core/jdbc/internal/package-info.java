/** Implementation of the JDBC storage: tables, side indexes, schema scripts. Not API. */
@NullMarked
package org.ecrm.core.jdbc.internal;

import org.jspecify.annotations.NullMarked;
