/**
 * The services the {@link org.ecrm.core.Crm} facade hands out: {@link org.ecrm.core.service.Customers}
 * (start here), {@link org.ecrm.core.service.Orders}, {@link org.ecrm.core.service.Products}, {@link
 * org.ecrm.core.service.Accounts}, {@link org.ecrm.core.service.Interactions}, {@link
 * org.ecrm.core.service.Consents}, {@link org.ecrm.core.service.PreferenceCentre}, {@link
 * org.ecrm.core.service.Privacy}, {@link org.ecrm.core.service.Archive} and {@link
 * org.ecrm.core.service.Audit}, plus the customer timeline ({@link org.ecrm.core.service.TimelineEntry}).
 * Interfaces only: obtain them from a {@code Crm}; they take and return the values of {@link
 * org.ecrm.core.model} and throw its {@link org.ecrm.core.model.CrmException} family.
 */
@NullMarked
package org.ecrm.core.service;

import org.jspecify.annotations.NullMarked;
