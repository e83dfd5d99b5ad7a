/**
 * The in-memory storage default of crm-core. Not exported: nothing here is API and it may change in any release.
 */
@NullMarked
package org.ecrm.core.internal.memory;

import org.jspecify.annotations.NullMarked;
