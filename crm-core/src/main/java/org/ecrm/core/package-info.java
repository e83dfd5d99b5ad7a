/**
 * The front door of crm-core: {@link org.ecrm.core.Crm}, built once with {@link org.ecrm.core.Crm#builder()},
 * and its services ({@link org.ecrm.core.Customers}, {@link org.ecrm.core.Orders}, ...), plus the
 * library's exception family rooted at {@link org.ecrm.core.CrmException}.
 */
@NullMarked
package org.ecrm.core;

import org.jspecify.annotations.NullMarked;
