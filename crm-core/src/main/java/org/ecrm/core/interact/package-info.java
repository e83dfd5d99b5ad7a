/**
 * Interact, the third step of the e-CRM life cycle: personalisation profiles (cached, invalidated by
 * domain events), recommendations filtered by stock, the contact policy (consent, frequency caps, quiet
 * hours, suppression lists, preferred channels) with every reason for a refusal, and segment campaigns
 * sent through {@link org.ecrm.core.interact.MessageChannel}s with a hold-out control group, outcome
 * attribution and uplift. Start at {@link org.ecrm.core.interact.Interact#builder}.
 *
 * <p>Host SPIs: {@link org.ecrm.core.interact.SegmentLookup}, {@link
 * org.ecrm.core.interact.BehaviourLookup}, {@link org.ecrm.core.interact.InventoryGateway}, {@link
 * org.ecrm.core.interact.MessageChannel} and {@link org.ecrm.core.interact.SuppressionList}, each with
 * an in-memory or empty default.
 */
@NullMarked
package org.ecrm.core.interact;

import org.jspecify.annotations.NullMarked;
