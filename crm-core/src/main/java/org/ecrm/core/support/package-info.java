/**
 * Customer service: cases (complaints, queries, requests) with service-level clocks measured in the
 * working time of a {@link org.ecrm.core.support.BusinessCalendar}.
 *
 * <p>Start at {@link org.ecrm.core.support.Cases}, from {@code Crm.cases()}, and {@link
 * org.ecrm.core.support.KnowledgeBase}, from {@code Crm.knowledgeBase()}; the case record is {@link
 * org.ecrm.core.support.SupportCase}.
 */
@NullMarked
package org.ecrm.core.support;

import org.jspecify.annotations.NullMarked;
