package dev.loyalty.application.reward;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.account.Wallets;
import dev.loyalty.application.coupon.CouponTemplateNotFoundException;
import dev.loyalty.application.coupon.CouponTemplates;
import dev.loyalty.application.coupon.Coupons;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.DomainEventLog;
import dev.loyalty.application.shared.Role;
import dev.loyalty.application.tier.TierMovements;
import dev.loyalty.application.tier.TierNames;
import dev.loyalty.application.tier.TierProgrammes;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.reward.Reward;
import dev.loyalty.domain.reward.RewardId;
import dev.loyalty.domain.reward.RewardNotFoundException;
import dev.loyalty.domain.reward.RewardTierNotEligibleException;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.tier.Tier;
import dev.loyalty.domain.wallet.Wallet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Rewards. A claim locks the customer's wallet first, so concurrent claims queue and each sees the
 * balance the previous one left: a balance that affords three claims gives exactly three coupons.
 * A reward kept for some tiers is claimed only by their customers (the tier read under that lock).
 * Burning points never moves a tier: tiers are measured on points earned or net spend.
 */
@ApplicationScoped
public class RewardService implements RewardUseCases {

    private final Rewards rewards;
    private final CouponTemplates templates;
    private final Coupons coupons;
    private final Customers customers;
    private final Wallets wallets;
    private final TierMovements tiers;
    private final TierProgrammes programmes;
    private final DomainEventLog events;
    private final Clock clock;
    private final RandomGenerator random;

    /** For CDI's proxy only. */
    protected RewardService() {
        this(null, null, null, null, null, null, null, null, null, null);
    }

    @Inject
    public RewardService(
            Rewards rewards,
            CouponTemplates templates,
            Coupons coupons,
            Customers customers,
            Wallets wallets,
            TierMovements tiers,
            TierProgrammes programmes,
            DomainEventLog events,
            Clock clock) {
        this(rewards, templates, coupons, customers, wallets, tiers, programmes, events, clock, new SecureRandom());
    }

    RewardService(
            Rewards rewards,
            CouponTemplates templates,
            Coupons coupons,
            Customers customers,
            Wallets wallets,
            TierMovements tiers,
            TierProgrammes programmes,
            DomainEventLog events,
            Clock clock,
            RandomGenerator random) {
        this.rewards = rewards;
        this.templates = templates;
        this.coupons = coupons;
        this.customers = customers;
        this.wallets = wallets;
        this.tiers = tiers;
        this.programmes = programmes;
        this.events = events;
        this.clock = clock;
        this.random = random;
    }

    @Override
    @Transactional
    public Reward define(String name, Points cost, CouponTemplateId templateId, Set<String> tierNames, Actor actor) {
        actor.requireAdmin("only an administrator defines rewards");
        if (templates.byId(templateId).isEmpty()) {
            throw new CouponTemplateNotFoundException(templateId);
        }
        Reward reward = new Reward(RewardId.newId(), name, cost, templateId, true, tierNames);
        TierNames.requireKnown(programmes, reward.tiers());
        rewards.add(reward);
        return reward;
    }

    @Override
    public List<Reward> catalogue(Actor actor) {
        return rewards.all().stream()
                .filter(r -> r.active() || actor.role() == Role.ADMIN)
                .toList();
    }

    @Override
    @Transactional
    public RewardClaim claim(RewardId rewardId, Actor actor) {
        if (actor.role() != Role.CUSTOMER) {
            throw new AccessDeniedException("rewards are claimed by customers, from the app");
        }
        CustomerId customer = actor.customerId()
                .filter(id -> customers.byId(id).isPresent())
                .orElseThrow(() -> new CustomerNotFoundException("the token's subject is not a customer"));
        Reward reward = rewards.byId(rewardId)
                .filter(Reward::active)
                .orElseThrow(() -> new RewardNotFoundException("no active reward has this id"));
        CouponTemplate template = templates
                .byId(reward.templateId())
                .orElseThrow(() -> new CouponTemplateNotFoundException(reward.templateId()));
        Instant now = clock.instant();
        Wallet wallet = wallets.lockedForUpdate(customer);
        String tier = tiers.inForce(customer, now).map(Tier::name).orElse(null);
        if (!reward.isForTier(tier)) {
            throw new RewardTierNotEligibleException(reward, tier);
        }
        wallet.burn(
                        reward.cost(),
                        "reward: " + reward.name(),
                        reward.claimReference(UUID.randomUUID().toString()),
                        now)
                .forEach(events::append);
        wallets.save(wallet);
        Coupon coupon = template.issue(CouponCode.generate(random), customer, now);
        coupons.addAll(List.of(coupon));
        return new RewardClaim(reward, coupon, wallet.balance());
    }
}
