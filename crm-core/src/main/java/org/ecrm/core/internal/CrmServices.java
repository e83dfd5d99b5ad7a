package org.ecrm.core.internal;

import org.ecrm.core.access.AccessPolicy;
import org.ecrm.core.b2b.B2b;
import org.ecrm.core.b2b.PipelineStage;
import org.ecrm.core.io.Imports;
import org.ecrm.core.loyalty.Loyalty;
import org.ecrm.core.loyalty.LoyaltyProgram;
import org.ecrm.core.model.Actor;
import org.ecrm.core.service.Accounts;
import org.ecrm.core.service.Archive;
import org.ecrm.core.service.Audit;
import org.ecrm.core.service.Consents;
import org.ecrm.core.service.Customers;
import org.ecrm.core.service.Interactions;
import org.ecrm.core.service.Orders;
import org.ecrm.core.service.PreferenceCentre;
import org.ecrm.core.service.Privacy;
import org.ecrm.core.service.Products;
import org.ecrm.core.support.Cases;
import org.ecrm.core.support.KnowledgeBase;
import org.ecrm.core.survey.Surveys;
import org.jspecify.annotations.Nullable;

/**
 * The services of one {@code Crm} view, built and access-guarded in one place: the one factory through which
 * the facade reaches the implementations of this package ({@link #create}). Immutable; the services are
 * thread-safe.
 *
 * @param gate the access check of the view's actor, or null when every call is allowed (no policy, or the
 *     system actor)
 * @param audit the audit trail
 * @param customers the customers
 * @param orders the orders
 * @param interactions the interactions
 * @param consents the consents
 * @param privacy subject access and erasure
 * @param accounts the accounts
 * @param products the products
 * @param archive export and restore
 * @param imports bulk imports
 * @param preferences the preference centre
 * @param cases support cases
 * @param knowledgeBase the knowledge base
 * @param loyalty the loyalty programme
 * @param surveys questionnaires and responses
 * @param b2b opportunities and accounts' buying units
 */
public record CrmServices(Guarded.@Nullable Gate gate, Audit audit, Customers customers, Orders orders,
    Interactions interactions, Consents consents, Privacy privacy, Accounts accounts, Products products,
    Archive archive, Imports imports, PreferenceCentre preferences, Cases cases, KnowledgeBase knowledgeBase,
    Loyalty loyalty, Surveys surveys, B2b b2b) {

  /**
   * The services on {@code ctx}. Without a policy, and for the system actor, the raw services; otherwise
   * only guarded views of them (one proxy per service interface, see {@link Guarded}: an interface or method
   * without a rule cannot be served).
   *
   * @param ctx the view's storage, clock, ids, events and actor
   * @param policy the access policy, or null for none
   * @param serviceLevels the service levels of support cases
   * @param loyaltyProgram the loyalty programme's rules
   * @param importer makes the import service (in the package above this one) on the guarded services
   * @return the services
   */
  public static CrmServices create(CrmContext ctx, @Nullable AccessPolicy policy,
      CaseService.ServiceLevels serviceLevels, LoyaltyProgram loyaltyProgram, ImportsFactory importer) {
    Customers rawCustomers = new CustomerService(ctx);
    Orders rawOrders = new OrderService(ctx);
    Interactions rawInteractions = new InteractionService(ctx);
    Consents rawConsents = new ConsentService(ctx);
    Accounts rawAccounts = new AccountService(ctx);
    Products rawProducts = new ProductService(ctx);
    PreferenceCentre rawPreferences = new PreferenceService(ctx, rawCustomers);
    Cases rawCases = new CaseService(ctx, rawInteractions, serviceLevels);
    Guarded.Gate gate = policy == null || ctx.actor().equals(Actor.SYSTEM) ? null
        : new Guarded.Gate(policy, ctx.actor(), ctx);
    Customers customers = guard(gate, Customers.class, rawCustomers);
    Accounts accounts = guard(gate, Accounts.class, rawAccounts);
    Products products = guard(gate, Products.class, rawProducts);
    Orders orders = guard(gate, Orders.class, rawOrders);
    return new CrmServices(gate,
        guard(gate, Audit.class, new AuditService(ctx.storage().audit())),
        customers,
        orders,
        guard(gate, Interactions.class, rawInteractions),
        guard(gate, Consents.class, rawConsents),
        guard(gate, Privacy.class, new PrivacyService(ctx, rawCustomers)),
        accounts,
        products,
        guard(gate, Archive.class, new ArchiveService(ctx.storage())),
        // imports go through the guarded views: each row is checked again
        guard(gate, Imports.class, importer.create(customers, accounts, products, orders, ctx)),
        guard(gate, PreferenceCentre.class, rawPreferences),
        guard(gate, Cases.class, rawCases),
        guard(gate, KnowledgeBase.class, new KnowledgeBaseService(ctx, rawCases, rawInteractions)),
        guard(gate, Loyalty.class, new LoyaltyService(ctx, rawCustomers, rawOrders, rawProducts, loyaltyProgram)),
        guard(gate, Surveys.class, new SurveyService(ctx, rawCustomers, rawPreferences)),
        guard(gate, B2b.class,
            new B2bService(ctx, rawAccounts, rawCustomers, rawInteractions, rawOrders, PipelineStage.DEFAULT)));
  }

  /** Makes the import service on the (guarded) services it writes through. */
  @FunctionalInterface
  public interface ImportsFactory {
    /**
     * The import service.
     *
     * @param customers the customers
     * @param accounts the accounts
     * @param products the products
     * @param orders the orders
     * @param ctx the view's context
     * @return the service
     */
    Imports create(Customers customers, Accounts accounts, Products products, Orders orders, CrmContext ctx);
  }

  private static <T> T guard(Guarded.@Nullable Gate gate, Class<T> type, T service) {
    return gate == null ? service : Guarded.view(type, service, gate);
  }
}
