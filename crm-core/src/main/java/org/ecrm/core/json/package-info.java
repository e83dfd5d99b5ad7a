/**
 * JSON for the domain model: {@link org.ecrm.core.json.CrmJacksonModule}, the one place where crm-core's
 * API mentions Jackson.
 *
 * <p>Start at {@link org.ecrm.core.json.CrmJacksonModule}: register it on a {@code JsonMapper} (it is also
 * found by {@code ServiceLoader}).
 */
@NullMarked
package org.ecrm.core.json;

import org.jspecify.annotations.NullMarked;
