/**
 * Implementation of crm-core. Not exported: nothing here is API and it may change in any release.
 */
@NullMarked
package org.ecrm.core.internal;

import org.jspecify.annotations.NullMarked;
