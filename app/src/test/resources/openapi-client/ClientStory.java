package dev.loyalty.client;

import dev.loyalty.client.api.CustomersApi;
import dev.loyalty.client.api.PurchasesApi;
import dev.loyalty.client.api.WalletApi;
import dev.loyalty.client.model.ConsentsBody;
import dev.loyalty.client.model.CustomerView;
import dev.loyalty.client.model.EnrolmentRequest;
import dev.loyalty.client.model.Line;
import dev.loyalty.client.model.Problem;
import dev.loyalty.client.model.PurchaseRequest;
import dev.loyalty.client.model.PurchaseView;
import dev.loyalty.client.model.WalletView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a till's developer writes against the client generated from /openapi (compiled with it by
 * ApiDocumentationScenarios): enrol a customer, record a purchase, read the wallet, and read a
 * problem. Written against the generated classes only: a change to the document that breaks such
 * code breaks this compilation.
 */
public final class ClientStory {

    private ClientStory() {}

    public static Map<String, Object> run(String baseUri, String terminalToken, String adminToken, String phone)
            throws Exception {
        ApiClient till = client(baseUri, terminalToken);
        ApiClient console = client(baseUri, adminToken);
        Map<String, Object> seen = new LinkedHashMap<>();

        CustomerView customer = new CustomersApi(till)
                .enrolCustomer(
                        UUID.randomUUID().toString(),
                        new EnrolmentRequest()
                                .firstName("Marco")
                                .phone(phone)
                                .preferredChannel("SMS")
                                .enrolmentChannel("STORE")
                                .storeId("MI-001")
                                .consents(new ConsentsBody().marketingSms(true).profiling(true)));
        seen.put("customerId", customer.getCustomerId());
        seen.put("enrolledAt", customer.getEnrolledAt());

        PurchaseView purchase = new PurchasesApi(till)
                .recordPurchase(
                        UUID.randomUUID().toString(),
                        new PurchaseRequest()
                                .storeId("MI-001")
                                .receiptId("client-" + UUID.randomUUID())
                                .occurredAt(Instant.now().minusSeconds(5).toString())
                                .customerId(customer.getCustomerId())
                                .channel("STORE")
                                .lines(List.of(new Line()
                                        .sku("RM-LASAGNA")
                                        .category("ready-meals")
                                        .quantity(10)
                                        .unitPrice(BigDecimal.valueOf(600))))
                                .totalPaid(BigDecimal.valueOf(6000)));
        seen.put("pointsAwarded", purchase.getPointsAwarded());

        WalletView wallet = new WalletApi(console).getCustomerWallet(customer.getCustomerId(), null, null);
        seen.put("balance", wallet.getBalance());

        try {
            new WalletApi(console).getCustomerWallet(UUID.randomUUID().toString(), null, null);
            seen.put("unknownWallet", "no error");
        } catch (ApiException e) {
            Problem problem = console.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
            seen.put("unknownWallet", e.getCode() + " " + problem.getCode());
        }
        return seen;
    }

    private static ApiClient client(String baseUri, String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }
}
