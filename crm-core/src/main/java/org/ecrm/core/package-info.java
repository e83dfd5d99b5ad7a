/**
 * The front door of crm-core: {@link org.ecrm.core.Crm}, built once with {@link org.ecrm.core.Crm#builder()}.
 * Start here: the facade hands out the services of {@link org.ecrm.core.service} (customers, orders,
 * consents, the audit trail, ...) and of the feature packages (b2b, loyalty, support, survey, io); the
 * values they take and return are in {@link org.ecrm.core.model}, the storage it runs on is chosen through
 * {@link org.ecrm.core.spi.Storage}. Nothing else in crm-core depends on this package.
 */
@NullMarked
package org.ecrm.core;

import org.jspecify.annotations.NullMarked;
