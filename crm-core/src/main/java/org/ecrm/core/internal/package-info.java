/**
 * Implementation of crm-core's services (one {@code *Service} class per service interface of {@code
 * org.ecrm.core.service} and the feature packages), below the API it implements and above the storage SPI.
 * The facade reaches it through one factory, {@code CrmServices.create}, which also wraps each service in
 * the access checks of {@code Guarded}; {@code CrmContext} carries what every service shares (storage,
 * clock, ids, events, actor). Not exported: nothing here is API and it may change in any release.
 */
@NullMarked
package org.ecrm.core.internal;

import org.jspecify.annotations.NullMarked;
