/**
 * The bottom of crm-core: the domain model every other package uses. Immutable, validated records for
 * customers ({@link org.ecrm.core.model.Customer}, start here), accounts, products, orders, interactions and
 * consents; the value types they are made of (ids, {@link org.ecrm.core.model.Money}, {@link
 * org.ecrm.core.model.EmailAddress}, {@link org.ecrm.core.model.PhoneNumber}); the query values {@link
 * org.ecrm.core.model.CustomerFilter} and {@link org.ecrm.core.model.Page}; the id strategy {@link
 * org.ecrm.core.model.IdGenerator}; and the library's exception family rooted at {@link
 * org.ecrm.core.model.CrmException}. Every constructor rejects bad input with a message naming the field and
 * the value. Depends on no other crm-core API package.
 */
@NullMarked
package org.ecrm.core.model;

import org.jspecify.annotations.NullMarked;
