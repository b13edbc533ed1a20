package dev.loyalty.application.rule;

import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static dev.loyalty.domain.mission.MissionFixtures.aMission;
import static dev.loyalty.domain.rule.RuleFixtures.HUNDRED_POINTS;
import static dev.loyalty.domain.rule.RuleFixtures.aRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.account.InMemoryCustomers;
import dev.loyalty.application.campaign.Campaigns;
import dev.loyalty.application.coupon.CouponTemplateNotFoundException;
import dev.loyalty.application.coupon.InMemoryCouponTemplates;
import dev.loyalty.application.mission.InMemoryMissions;
import dev.loyalty.application.segment.Segments;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.coupon.Discount;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.mission.Mission;
import dev.loyalty.domain.mission.MissionId;
import dev.loyalty.domain.mission.MissionNotFoundException;
import dev.loyalty.domain.rule.Rule;
import dev.loyalty.domain.rule.RuleAction;
import dev.loyalty.domain.rule.RuleId;
import dev.loyalty.domain.rule.RuleNotFoundException;
import dev.loyalty.domain.rule.RuleStatus;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Points;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuleServiceTest {

    static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    static final EventType NEWSLETTER = new EventType("NEWSLETTER_SUBSCRIBED");

    private final InMemoryRules rules = new InMemoryRules();
    private final InMemoryRuleEvaluations evaluations = new InMemoryRuleEvaluations();
    private final InMemoryCouponTemplates templates = new InMemoryCouponTemplates();
    private final InMemoryMissions missions = new InMemoryMissions();
    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final Set<Object> knownCampaignsAndSegments = new java.util.HashSet<>();
    private final RuleService service = new RuleService(
            rules, evaluations, templates, missions, customers, byIdOnly(Campaigns.class), byIdOnly(Segments.class));

    /** A port of which only {@code byId} is used: it finds what the test made known (as a mark). */
    @SuppressWarnings("unchecked")
    private <T> T byIdOnly(Class<T> port) {
        return (T) java.lang.reflect.Proxy.newProxyInstance(
                port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
                    if (!method.getName().equals("byId")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return knownCampaignsAndSegments.contains(args[0]) ? Optional.of(args[0]) : Optional.empty();
                });
    }

    private final Actor admin = Actor.admin("console");

    static Stream<Actor> notAdministrators() {
        return Stream.of(
                Actor.terminal("till-1", "MI-001"), Actor.customer(CustomerId.newId()), Actor.integration("website"));
    }

    private CouponTemplate template() {
        CouponTemplate template = CouponTemplate.define(
                CouponTemplateId.newId(),
                "Newsletter",
                new Discount.PercentOff(10),
                null,
                Set.of(SalesChannel.STORE),
                null,
                null,
                30,
                null,
                Set.of(),
                null);
        templates.add(template);
        return template;
    }

    private Rule defined() {
        return service.define(aRule().named("Newsletter points").on(NEWSLETTER).build(), admin);
    }

    private Customer customer() {
        Customer customer = aCustomer().build();
        customers.add(customer);
        return customer;
    }

    private Evaluation judged(
            Rule rule, Customer customer, String eventId, Instant at, Evaluation.Outcome outcome, String... reasons) {
        Evaluation evaluation = new Evaluation(
                rule.id(),
                rule.version(),
                evaluations.all().size() + 1,
                eventId,
                NEWSLETTER.value(),
                at.minusSeconds(5),
                customer.id(),
                at,
                outcome,
                List.of(reasons));
        evaluations.record(evaluation);
        return evaluation;
    }

    @Nested
    class Defining {

        @Test
        void anAdministratorDefinesARule() {
            Rule rule = aRule().on(NEWSLETTER).build();

            Rule defined = service.define(rule, admin);

            assertThat(defined).isEqualTo(rule);
            assertThat(rules.byId(rule.id())).contains(rule);
            assertThat(service.rule(rule.id(), admin)).isEqualTo(rule);
        }

        @ParameterizedTest
        @MethodSource("dev.loyalty.application.rule.RuleServiceTest#notAdministrators")
        void onlyAnAdministratorDefinesReadsOrChangesRules(Actor actor) {
            Rule existing = defined();

            assertThatThrownBy(() -> service.define(aRule().build(), actor)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.replace(existing.id(), aRule().build(), actor))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.changeStatus(existing.id(), RuleStatus.PAUSED, actor))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.rule(existing.id(), actor)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.rules(actor)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.evaluations(existing.id(), Optional.empty(), Optional.empty(), 10, actor))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.explain(existing.id(), CustomerId.newId(), NOW, actor))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(rules.all()).containsExactly(existing);
        }

        @Test
        void aRuleIssuingACouponOfAKnownTemplateIsAccepted() {
            CouponTemplate template = template();

            Rule rule = service.define(
                    aRule().doing(new RuleAction.IssueCoupon(template.id())).build(), admin);

            assertThat(rules.byId(rule.id())).isPresent();
        }

        @Test
        void aRuleIssuingACouponOfAnUnknownTemplateIsRefused() {
            Rule rule = aRule().doing(HUNDRED_POINTS, new RuleAction.IssueCoupon(CouponTemplateId.newId()))
                    .build();

            assertThatThrownBy(() -> service.define(rule, admin)).isInstanceOf(CouponTemplateNotFoundException.class);
            assertThat(rules.all()).isEmpty();
        }

        @Test
        void aRuleAdvancingAKnownMissionIsAcceptedAndAnUnknownOneRefused() {
            Mission mission = aMission().build();
            missions.add(mission);

            service.define(
                    aRule().doing(new RuleAction.AdvanceMission(mission.id())).build(), admin);
            Rule unknown = aRule().doing(new RuleAction.AdvanceMission(MissionId.newId()))
                    .build();

            assertThatThrownBy(() -> service.define(unknown, admin)).isInstanceOf(MissionNotFoundException.class);
            assertThat(rules.all()).hasSize(1);
        }

        @Test
        void everyRuleIsListedTheArchivedLast() {
            Rule zeta = service.define(aRule().named("Zeta").build(), admin);
            Rule alpha = service.define(aRule().named("Alpha").build(), admin);
            Rule archived = service.define(aRule().named("Aardvark").build(), admin);
            service.changeStatus(archived.id(), RuleStatus.ARCHIVED, admin);

            assertThat(service.rules(admin)).extracting(Rule::id).containsExactly(alpha.id(), zeta.id(), archived.id());
        }

        @Test
        void anUnknownRuleIsNotFound() {
            RuleId nowhere = RuleId.newId();

            assertThatThrownBy(() -> service.rule(nowhere, admin)).isInstanceOf(RuleNotFoundException.class);
            assertThatThrownBy(() -> service.replace(nowhere, aRule().build(), admin))
                    .isInstanceOf(RuleNotFoundException.class);
            assertThatThrownBy(() -> service.changeStatus(nowhere, RuleStatus.PAUSED, admin))
                    .isInstanceOf(RuleNotFoundException.class);
        }
    }

    @Nested
    class Changing {

        @Test
        void replacingARuleMovesItsVersionOnAndKeepsItsStatus() {
            Rule rule = defined();
            service.changeStatus(rule.id(), RuleStatus.PAUSED, admin);
            Rule definition = aRule().named("Newsletter points, more")
                    .on(new EventType("APP_INSTALLED"))
                    .doing(new RuleAction.AwardPoints(Points.of(300)))
                    .withStatus(RuleStatus.ACTIVE)
                    .build();

            Rule replaced = service.replace(rule.id(), definition, admin);

            assertThat(replaced.id()).as("the id in the path wins").isEqualTo(rule.id());
            assertThat(replaced.version()).isEqualTo(3);
            assertThat(replaced.status()).isEqualTo(RuleStatus.PAUSED);
            assertThat(replaced.name()).isEqualTo("Newsletter points, more");
            assertThat(replaced.on()).isEqualTo(new EventType("APP_INSTALLED"));
            assertThat(replaced.actions()).containsExactly(new RuleAction.AwardPoints(Points.of(300)));
            assertThat(rules.byId(rule.id())).contains(replaced);
            assertThat(rules.all()).hasSize(1);
        }

        @Test
        void aReplacementIsCheckedForItsReferencesAndChangesNothingWhenRefused() {
            Rule rule = defined();
            Rule definition = aRule().doing(new RuleAction.IssueCoupon(CouponTemplateId.newId()))
                    .build();

            assertThatThrownBy(() -> service.replace(rule.id(), definition, admin))
                    .isInstanceOf(CouponTemplateNotFoundException.class);
            assertThat(rules.byId(rule.id())).contains(rule);
        }

        @Test
        void pausingMovesTheVersionOnAndTheSameStatusChangesNothing() {
            Rule rule = defined();

            Rule paused = service.changeStatus(rule.id(), RuleStatus.PAUSED, admin);
            Rule again = service.changeStatus(rule.id(), RuleStatus.PAUSED, admin);
            Rule active = service.changeStatus(rule.id(), RuleStatus.ACTIVE, admin);

            assertThat(paused.status()).isEqualTo(RuleStatus.PAUSED);
            assertThat(paused.version()).isEqualTo(2);
            assertThat(again).isEqualTo(paused);
            assertThat(active.status()).isEqualTo(RuleStatus.ACTIVE);
            assertThat(active.version()).isEqualTo(3);
            assertThat(rules.byId(rule.id())).contains(active);
        }

        @Test
        void anArchivedRuleStaysArchived() {
            Rule rule = defined();
            Rule archived = service.changeStatus(rule.id(), RuleStatus.ARCHIVED, admin);

            assertThatThrownBy(() -> service.changeStatus(rule.id(), RuleStatus.ACTIVE, admin))
                    .isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> service.changeStatus(rule.id(), RuleStatus.PAUSED, admin))
                    .isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> service.replace(rule.id(), aRule().build(), admin))
                    .isInstanceOf(InvalidValueException.class)
                    .extracting(e -> ((InvalidValueException) e).field())
                    .isEqualTo("status");
            assertThat(service.changeStatus(rule.id(), RuleStatus.ARCHIVED, admin))
                    .isEqualTo(archived);
            assertThat(rules.byId(rule.id())).contains(archived);
            assertThat(rules.activeOn(NEWSLETTER)).isEmpty();
        }
    }

    @Nested
    class Explaining {

        @Test
        void aRuleThatJudgedNothingSaysWhatItReactsTo() {
            Rule rule = defined();
            Customer marco = customer();

            RuleUseCases.Explanation explanation = service.explain(rule.id(), marco.id(), NOW, admin);

            assertThat(explanation.summary())
                    .startsWith("the rule judged no event of this customer by " + NOW)
                    .contains("it reacts to NEWSLETTER_SUBSCRIBED")
                    .doesNotContain("(it is");
            assertThat(explanation.evaluations()).isEmpty();
            assertThat(explanation.rule()).isEqualTo(rule);
            assertThat(explanation.customerId()).isEqualTo(marco.id());
        }

        @Test
        void aPausedRuleThatJudgedNothingSaysItIsPaused() {
            Rule rule = defined();
            service.changeStatus(rule.id(), RuleStatus.PAUSED, admin);
            Customer marco = customer();

            assertThat(service.explain(rule.id(), marco.id(), NOW, admin).summary())
                    .endsWith("(it is PAUSED now)");
        }

        @Test
        void aRuleThatFiredSaysForWhichEvent() {
            Rule rule = defined();
            Customer marco = customer();
            Instant at = NOW.minus(Duration.ofHours(1));
            judged(rule, marco, "nl-1", at, Evaluation.Outcome.FIRED, "every condition held", "awarded 100 points");

            RuleUseCases.Explanation explanation = service.explain(rule.id(), marco.id(), NOW, admin);

            assertThat(explanation.summary()).isEqualTo("it fired for NEWSLETTER_SUBSCRIBED nl-1 at " + at);
            assertThat(explanation.evaluations()).hasSize(1);
        }

        @Test
        void aRuleThatDidNotFireSaysWhyFromItsLatestVerdict() {
            Rule rule = defined();
            Customer marco = customer();
            judged(rule, marco, "nl-1", NOW.minus(Duration.ofHours(2)), Evaluation.Outcome.FIRED, "ok");
            judged(
                    rule,
                    marco,
                    "nl-2",
                    NOW.minus(Duration.ofHours(1)),
                    Evaluation.Outcome.SKIPPED,
                    "attribute source is app, wanted website",
                    "the customer has not granted MARKETING_EMAIL");

            RuleUseCases.Explanation explanation = service.explain(rule.id(), marco.id(), NOW, admin);

            assertThat(explanation.summary())
                    .isEqualTo(
                            "it did not fire for NEWSLETTER_SUBSCRIBED nl-2: attribute source is app, wanted website;"
                                    + " the customer has not granted MARKETING_EMAIL");
            assertThat(explanation.evaluations())
                    .extracting(Evaluation::eventId)
                    .containsExactly("nl-2", "nl-1");
        }

        @Test
        void aPartialFiringSaysWhichActionCouldNotRun() {
            Rule rule = defined();
            Customer marco = customer();
            judged(
                    rule,
                    marco,
                    "nl-1",
                    NOW.minusSeconds(60),
                    Evaluation.Outcome.PARTIAL,
                    "action 1 (ISSUE_COUPON) could not run: validation-failed: the template's validity has ended");

            assertThat(service.explain(rule.id(), marco.id(), NOW, admin).summary())
                    .startsWith("it fired for NEWSLETTER_SUBSCRIBED nl-1, and an action could not run: action 1");
        }

        @Test
        void anExplanationAsOfAnEarlierInstantIgnoresLaterVerdictsAndOtherCustomers() {
            Rule rule = defined();
            Customer marco = customer();
            Customer elena = customer();
            judged(rule, marco, "nl-1", NOW.minus(Duration.ofDays(2)), Evaluation.Outcome.SKIPPED, "not yet");
            judged(rule, marco, "nl-2", NOW.minusSeconds(60), Evaluation.Outcome.FIRED, "ok");
            judged(rule, elena, "nl-3", NOW.minus(Duration.ofDays(1)), Evaluation.Outcome.FIRED, "ok");

            RuleUseCases.Explanation explanation =
                    service.explain(rule.id(), marco.id(), NOW.minus(Duration.ofDays(1)), admin);

            assertThat(explanation.summary()).startsWith("it did not fire for NEWSLETTER_SUBSCRIBED nl-1");
            assertThat(explanation.evaluations())
                    .extracting(Evaluation::eventId)
                    .containsExactly("nl-1");
        }

        @Test
        void anUnknownCustomerOrRuleIsNotFound() {
            Rule rule = defined();
            Customer marco = customer();

            assertThatThrownBy(() -> service.explain(rule.id(), CustomerId.newId(), NOW, admin))
                    .isInstanceOf(CustomerNotFoundException.class);
            assertThatThrownBy(() -> service.explain(RuleId.newId(), marco.id(), NOW, admin))
                    .isInstanceOf(RuleNotFoundException.class);
        }

        @Test
        void theEvaluationsOfARuleAreReadNewestFirstWithinALimit() {
            Rule rule = defined();
            Customer marco = customer();
            Customer elena = customer();
            judged(rule, marco, "nl-1", NOW.minusSeconds(30), Evaluation.Outcome.FIRED, "ok");
            judged(rule, elena, "nl-2", NOW.minusSeconds(20), Evaluation.Outcome.FIRED, "ok");
            judged(rule, marco, "nl-3", NOW.minusSeconds(10), Evaluation.Outcome.SKIPPED, "no");

            assertThat(service.evaluations(rule.id(), Optional.empty(), Optional.empty(), 2, admin))
                    .extracting(Evaluation::eventId)
                    .containsExactly("nl-3", "nl-2");
            assertThat(service.evaluations(rule.id(), Optional.of(marco.id()), Optional.empty(), 10, admin))
                    .extracting(Evaluation::eventId)
                    .containsExactly("nl-3", "nl-1");
            assertThat(service.evaluations(rule.id(), Optional.empty(), Optional.of(NOW.minusSeconds(20)), 10, admin))
                    .as("up to that instant")
                    .extracting(Evaluation::eventId)
                    .containsExactly("nl-2", "nl-1");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, RuleService.MAX_EVALUATIONS + 1})
        void aLimitOutOfBoundsIsRefused(int limit) {
            Rule rule = defined();

            assertThatThrownBy(() -> service.evaluations(rule.id(), Optional.empty(), Optional.empty(), limit, admin))
                    .isInstanceOf(InvalidValueException.class)
                    .extracting(e -> ((InvalidValueException) e).field())
                    .isEqualTo("limit");
        }

        @Test
        void theEvaluationsOfAnUnknownRuleAreNotFound() {
            assertThatThrownBy(() -> service.evaluations(RuleId.newId(), Optional.empty(), Optional.empty(), 10, admin))
                    .isInstanceOf(RuleNotFoundException.class);
        }
    }

    @Test
    void aRuleNamingACampaignOrASegmentThatDoesNotExistIsRefusedNamingTheField() {
        dev.loyalty.domain.campaign.CampaignId campaign = dev.loyalty.domain.campaign.CampaignId.newId();
        dev.loyalty.domain.segment.SegmentId segment =
                new dev.loyalty.domain.segment.SegmentId(java.util.UUID.randomUUID());
        Rule built = aRule().on(NEWSLETTER).doing(HUNDRED_POINTS).build();
        Rule ofCampaign = new Rule(
                built.id(),
                built.name(),
                built.on(),
                built.conditions(),
                built.actions(),
                built.status(),
                built.version(),
                built.sources(),
                Optional.of(campaign));
        assertThatThrownBy(() -> service.define(ofCampaign, admin))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("campaignId"));
        Rule inSegment = aRule().on(NEWSLETTER)
                .when(new dev.loyalty.domain.rule.RuleConditions(
                        java.util.Map.of(),
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Optional.empty(),
                        Set.of(),
                        Set.of(),
                        Optional.empty(),
                        Optional.empty(),
                        false,
                        Set.of(segment)))
                .doing(HUNDRED_POINTS)
                .build();
        assertThatThrownBy(() -> service.define(inSegment, admin))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("conditions.segments"));
        assertThat(rules.all()).isEmpty();

        knownCampaignsAndSegments.add(campaign);
        knownCampaignsAndSegments.add(segment);
        assertThat(service.define(ofCampaign, admin).campaign()).contains(campaign);
        service.define(inSegment, admin);
        assertThat(rules.all()).hasSize(2);
    }
}
