/**
 * The domain model: immutable, validated records for customers, accounts, products, orders,
 * interactions and consents, and the value types they are made of (ids, {@link
 * org.ecrm.core.model.Money}, {@link org.ecrm.core.model.EmailAddress}, {@link
 * org.ecrm.core.model.PhoneNumber}). Every constructor rejects bad input with a message naming the
 * field and the value.
 */
@NullMarked
package org.ecrm.core.model;

import org.jspecify.annotations.NullMarked;
