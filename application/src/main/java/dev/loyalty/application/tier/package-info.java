/**
 * Tiers: the console sets the programme ({@link dev.loyalty.application.tier.TierProgrammeUseCases})
 * and overrides a customer's tier ({@link dev.loyalty.application.tier.OverrideTierUseCase}); the app,
 * the till and the console read where a customer stands ({@link dev.loyalty.application.tier.TierQuery});
 * checkout counts each purchase's qualifying activity and upgrades inside the purchase
 * ({@link dev.loyalty.application.tier.TierMovements}); the periodic review runs set-based in the
 * store, batch by batch ({@link dev.loyalty.application.tier.TierReviewJob}). The driven ports keep
 * the programme, the customers' standings and history, and the monthly qualifying amounts.
 */
package dev.loyalty.application.tier;
