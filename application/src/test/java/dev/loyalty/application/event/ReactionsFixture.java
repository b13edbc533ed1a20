package dev.loyalty.application.event;

import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static dev.loyalty.domain.mission.MissionFixtures.events;

import dev.loyalty.application.account.InMemoryCustomers;
import dev.loyalty.application.account.InMemoryWallets;
import dev.loyalty.application.account.PointsAwards;
import dev.loyalty.application.activity.InMemoryActivityLog;
import dev.loyalty.application.activity.RecordedActivity;
import dev.loyalty.application.activity.ServiceEvents;
import dev.loyalty.application.campaign.CampaignContacts;
import dev.loyalty.application.campaign.Campaigns;
import dev.loyalty.application.coupon.InMemoryCouponTemplates;
import dev.loyalty.application.coupon.InMemoryCoupons;
import dev.loyalty.application.messaging.MessageOutbox;
import dev.loyalty.application.messaging.MessageRequest;
import dev.loyalty.application.mission.InMemoryMissionProgress;
import dev.loyalty.application.mission.InMemoryMissions;
import dev.loyalty.application.mission.MissionReactor;
import dev.loyalty.application.referral.InMemoryReferrals;
import dev.loyalty.application.referral.ReferralReactor;
import dev.loyalty.application.rule.Evaluation;
import dev.loyalty.application.rule.InMemoryRuleEvaluations;
import dev.loyalty.application.rule.InMemoryRules;
import dev.loyalty.application.rule.RuleReactor;
import dev.loyalty.application.rule.Rules;
import dev.loyalty.application.tier.InMemoryQualifyingActivity;
import dev.loyalty.domain.activity.EventSource;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.campaign.Campaign;
import dev.loyalty.domain.campaign.CampaignId;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.coupon.Discount;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.mission.Mission;
import dev.loyalty.domain.rule.Rule;
import dev.loyalty.domain.rule.RuleFixtures.RuleBuilder;
import dev.loyalty.domain.rule.RuleId;
import dev.loyalty.domain.shared.DomainEvent;
import dev.loyalty.domain.wallet.Wallet;
import dev.loyalty.domain.wallet.WalletEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the tests of the reactions share: the relay ({@link Reactions}) with the rules', the
 * missions' and the referrals' reactors over in-memory ports, and helpers to push events.
 */
abstract class ReactionsFixture {

    static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    static final EventType NEWSLETTER = new EventType("NEWSLETTER_SUBSCRIBED");
    static final EventType PROFILE_COMPLETED = new EventType("PROFILE_COMPLETED");
    static final Duration POINTS_VALIDITY = Duration.ofDays(365);
    static final Duration DAY = Duration.ofDays(1);

    final MutableClock clock = new MutableClock(NOW);
    final InMemoryActivityLog activities = new InMemoryActivityLog();
    final InMemoryCustomers customers = new InMemoryCustomers();
    final InMemoryWallets wallets = new InMemoryWallets();
    final InMemoryRules rules = new InMemoryRules();
    final InMemoryRuleEvaluations evaluations = new InMemoryRuleEvaluations();
    final InMemoryMissions missions = new InMemoryMissions();
    final InMemoryMissionProgress progress = new InMemoryMissionProgress();
    final InMemoryCouponTemplates templates = new InMemoryCouponTemplates();
    final InMemoryCoupons coupons = new InMemoryCoupons();
    final InMemoryReferrals referrals = new InMemoryReferrals();
    final ServiceEvents serviceEvents = new ServiceEvents(activities);
    final InMemoryQualifyingActivity qualifying = new InMemoryQualifyingActivity();
    final List<MessageRequest> messages = new ArrayList<>();
    final Map<CampaignId, Campaign> storedCampaigns = new java.util.HashMap<>();
    final List<CampaignContacts.Contact> contacts = new ArrayList<>();
    final List<String> taggedCoupons = new ArrayList<>();
    /** The campaigns port as the rules' reactor uses it: reading a campaign, tagging a coupon as its. */
    final Campaigns campaigns = (Campaigns) java.lang.reflect.Proxy.newProxyInstance(
            Campaigns.class.getClassLoader(), new Class<?>[] {Campaigns.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "byId":
                        return Optional.ofNullable(storedCampaigns.get((CampaignId) args[0]));
                    case "tagCoupon":
                        taggedCoupons.add(args[0] + "@" + args[1]);
                        return null;
                    default:
                        throw new UnsupportedOperationException(method.getName());
                }
            });

    final List<DomainEvent> events = new ArrayList<>();
    /** The rules port breaks down on events of this type (null: never). */
    EventType failOn;

    final Rules failingRules = new Rules() {
        @Override
        public void add(Rule rule) {
            rules.add(rule);
        }

        @Override
        public void update(Rule rule, long readVersion) {
            rules.update(rule, readVersion);
        }

        @Override
        public Optional<Rule> byId(RuleId id) {
            return rules.byId(id);
        }

        @Override
        public List<Rule> all() {
            return rules.all();
        }

        @Override
        public List<Rule> activeOn(EventType type) {
            if (type.equals(failOn)) {
                throw new RuntimeException("transaction rolled back", new IllegalStateException("boom"));
            }
            return rules.activeOn(type);
        }
    };

    final Reactions reactions = reactions(messages::add);
    final ReactionJob job = new ReactionJob(activities, reactions, clock);

    Reactions reactions(MessageOutbox outbox) {
        PointsAwards points = new PointsAwards(wallets, () -> Optional.of(POINTS_VALIDITY), events::add);
        MissionReactor missionReactor =
                new MissionReactor(missions, progress, points, qualifying, events::add, serviceEvents);
        // given out of their order: the relay runs them by Reactor.order()
        return new Reactions(
                activities,
                customers,
                wallets,
                List.of(
                        new ReferralReactor(referrals, points, serviceEvents),
                        missionReactor,
                        new RuleReactor(
                                failingRules,
                                evaluations,
                                templates,
                                coupons,
                                outbox,
                                points,
                                missionReactor,
                                (customer, segment, now) -> false,
                                campaigns,
                                contacts::add)),
                clock,
                dev.loyalty.application.activity.ReactionSettingsVersions.uncached(),
                points);
    }

    Customer enrolled() {
        Customer customer = aCustomer().withAPhone().build();
        customers.add(customer);
        return customer;
    }

    long pushed(CustomerId customer, String eventId, EventType type, Instant at, Map<String, Object> facts) {
        activities.append(new RecordedActivity(
                eventId,
                type,
                EventSource.INTEGRATION,
                Optional.of(customer),
                Optional.empty(),
                Optional.empty(),
                "MI-001",
                at,
                clock.instant(),
                facts));
        return activities.rowOf(eventId);
    }

    long newsletter(Customer customer, String eventId) {
        return pushed(customer.id(), eventId, NEWSLETTER, NOW.minusSeconds(60), Map.of("source", "website"));
    }

    long purchase(Customer customer, String eventId, long net, Instant at) {
        return pushed(
                customer.id(),
                eventId,
                EventType.PURCHASE_RECORDED,
                at,
                Map.of("net", net, "categories", List.of("wine"), "channel", "STORE"));
    }

    Rule stored(RuleBuilder rule) {
        Rule built = rule.build();
        rules.add(built);
        return built;
    }

    Mission stored(Mission mission) {
        missions.add(mission);
        return mission;
    }

    CouponTemplate template(Instant validUntil, Integer validDays) {
        CouponTemplate template = CouponTemplate.define(
                CouponTemplateId.newId(),
                "Newsletter ten percent",
                new Discount.PercentOff(10),
                null,
                Set.of(SalesChannel.STORE, SalesChannel.ONLINE),
                null,
                validUntil,
                validDays,
                null,
                Set.of(),
                null);
        templates.add(template);
        return template;
    }

    List<WalletEntry> entries(CustomerId customer) {
        return wallets.byCustomer(customer).map(Wallet::entries).orElse(List.of());
    }

    List<WalletEntry> entriesReferencing(CustomerId customer, String reference) {
        return entries(customer).stream()
                .filter(e -> reference.equals(e.reference()))
                .toList();
    }

    List<Evaluation> evaluationsOf(CustomerId customer) {
        return evaluations.all().stream()
                .filter(e -> e.customerId().equals(customer))
                .toList();
    }

    InMemoryActivityLog.Row row(long rowId) {
        return activities.rows().stream().filter(r -> r.id == rowId).findFirst().orElseThrow();
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
