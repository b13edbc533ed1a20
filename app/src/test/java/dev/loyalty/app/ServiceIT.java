package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The service as its clients see it, deployed once (the built WAR, whole) in Payara Micro against
 * a real MariaDB: one Payara start for every capability. Each capability's tests are a class of
 * their own ({@code EnrolmentScenarios}, {@code PurchaseScenarios}, ...), run here as a nested
 * class so that they share this deployment; they never depend on each other's data (each test
 * makes its own customers with unique contacts, through {@link Fixtures}).
 */
@ExtendWith(ArquillianExtension.class)
class ServiceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        Api.prepareKeys();
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("loyalty.it.war")));
    }

    /** Payara Micro reports "started" even when the application failed to deploy: say so at once. */
    @BeforeAll
    static void theServiceIsReady() {
        Api.Reply ready = API.awaitReady();
        assertThat(ready.status())
                .as("the service did not deploy or get ready (run with -Dloyalty.it.console=true): " + ready)
                .isEqualTo(200);
    }

    @Nested
    class Enrolment extends EnrolmentScenarios {}

    @Nested
    class Me extends MeScenarios {}

    @Nested
    class Devices extends DeviceScenarios {}

    @Nested
    class ContactVerification extends ContactVerificationScenarios {}

    @Nested
    class Errors extends ErrorScenarios {}

    @Nested
    class Security extends SecurityScenarios {}

    @Nested
    class Tokens extends TokenScenarios {}

    @Nested
    class Abuse extends AbuseScenarios {}

    @Nested
    class Operations extends OperationsScenarios {}

    @Nested
    class Wallet extends WalletScenarios {}

    @Nested
    class Coupons extends CouponScenarios {}

    @Nested
    class Quotes extends QuoteScenarios {}

    @Nested
    class Purchases extends PurchaseScenarios {}

    @Nested
    class PendingPoints extends PendingPointsScenarios {}

    @Nested
    class Rewards extends RewardScenarios {}

    @Nested
    class EarningRules extends EarningRuleScenarios {}

    /** Tiers: the scenarios are in {@link TierScenarios}. */
    @Nested
    class Tiers extends TierScenarios {}

    @Nested
    class History extends HistoryScenarios {}

    @Nested
    class Catalogue extends CatalogueScenarios {}

    @Nested
    class Privacy extends PrivacyScenarios {}

    @Nested
    class Erasure extends ErasureScenarios {}

    @Nested
    class Retention extends RetentionScenarios {}

    @Nested
    class Answers extends AnswerScenarios {}

    @Nested
    class Messaging extends MessagingScenarios {}

    @Nested
    class EventBatch extends EventBatchScenarios {}

    @Nested
    class Metrics extends MetricsScenarios {}

    @Nested
    class MetricsProperty extends MetricsPropertyScenarios {}

    @Nested
    class Campaigns extends CampaignScenarios {}

    @Nested
    class ApiDocumentation extends ApiDocumentationScenarios {}

    @Nested
    class Segments extends SegmentScenarios {}

    @Nested
    class Dashboard extends DashboardScenarios {}

    @Nested
    class CustomerSearch extends CustomerSearchScenarios {}

    @Nested
    class Console extends ConsoleScenarios {}

    @Nested
    class Replenishment extends ReplenishmentScenarios {}

    @Nested
    class Evaluation extends EvaluationScenarios {}

    @Nested
    class MissionClock extends MissionClockScenarios {}

    @Nested
    class OfflineTills extends OfflineTillScenarios {}

    @Nested
    class AuthorizationMatrix extends AuthorizationMatrixScenarios {}

    @Nested
    class BadInputCorpus extends BadInputCorpusScenarios {}
}
