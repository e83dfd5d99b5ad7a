/**
 * JSON for the domain model: {@link org.ecrm.core.json.CrmJacksonModule}, the one place where crm-core's
 * API mentions Jackson.
 */
@NullMarked
package org.ecrm.core.json;

import org.jspecify.annotations.NullMarked;
