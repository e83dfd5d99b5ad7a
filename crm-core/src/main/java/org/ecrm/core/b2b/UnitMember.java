package org.ecrm.core.b2b;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ecrm.core.model.BuyingRole;
import org.ecrm.core.model.CustomerId;

/**
 * A contact of an account's decision-making unit and how engaged they are. Immutable.
 *
 * @param customerId the contact
 * @param name the contact's full name
 * @param roles the roles held in the account
 * @param interactions how many interactions the contact has had
 * @param lastInteraction when the last one was
 */
public record UnitMember(CustomerId customerId, String name, List<BuyingRole> roles, int interactions,
    Optional<Instant> lastInteraction) { }
