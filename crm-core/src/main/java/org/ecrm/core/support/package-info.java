/**
 * Customer service: cases (complaints, queries, requests) with service-level clocks measured in the
 * working time of a {@link org.ecrm.core.support.BusinessCalendar}.
 */
@NullMarked
package org.ecrm.core.support;

import org.jspecify.annotations.NullMarked;
