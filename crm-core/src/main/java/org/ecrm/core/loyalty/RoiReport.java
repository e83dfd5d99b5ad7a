package org.ecrm.core.loyalty;

import java.math.BigDecimal;
import org.ecrm.core.model.Money;

/**
 * The programme's return on investment over the post-period. Immutable.
 *
 * @param members members with purchases in the pre- or post-period
 * @param controls matched non-members
 * @param memberSpendPerCustomer mean post-period net spend of members
 * @param controlSpendPerCustomer mean post-period net spend of their matched controls
 * @param incrementalMargin (member − control mean spend) × members × margin rate
 * @param pointsIssued points earned by members in the post-period
 * @param pointsRedeemed points redeemed by members in the post-period
 * @param cost points redeemed × cost per point
 * @param roi (incremental margin − cost) / cost; null-free: zero cost gives {@code BigDecimal.ZERO}
 */
public record RoiReport(int members, int controls, Money memberSpendPerCustomer, Money controlSpendPerCustomer,
    Money incrementalMargin, long pointsIssued, long pointsRedeemed, Money cost, BigDecimal roi) { }
