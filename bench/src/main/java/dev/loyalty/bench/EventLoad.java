package dev.loyalty.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The events benchmark's load: integrations posting {@code POST /api/v1/events} of random
 * {@link EventRules} events for random enrolled customers, each with its own event id (prefixed
 * with the run's id, so that the database can tell the load's events apart). Success is 202
 * ACCEPTED; anything else (a DUPLICATE included) is a failure counted by status.
 */
final class EventLoad {

    /** The endpoint measured. */
    static final String PATH = "/api/v1/events";

    private EventLoad() {}

    /** The body of one event. */
    static String body(String eventId, String customerId, EventRules.Event event) {
        return "{\"eventId\":" + Json.quote(eventId) + ",\"customerId\":" + Json.quote(customerId) + ",\"type\":\""
                + event.type() + "\",\"attributes\":" + event.attributes() + "}";
    }

    /** Whether the answer says the event was taken in for its customer. */
    static boolean accepted(Api.Response response) {
        return response.status() == 202
                && Json.string(response.body(), "status")
                        .map("ACCEPTED"::equals)
                        .orElse(false);
    }

    /** One client per thread, each with its own random stream and event ids. */
    static List<Client> clients(int count, Api api, String token, List<String> customers, String runId) {
        List<Client> clients = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            clients.add(new Integration(i, api, token, customers, runId));
        }
        return clients;
    }

    /** A website or CRM pushing one event after the other. */
    private static final class Integration implements Client {
        private final Api api;
        private final String token;
        private final List<String> customers;
        private final String idPrefix;
        private final SplittableRandom random;
        private long sequence;

        Integration(int index, Api api, String token, List<String> customers, String runId) {
            this.api = api;
            this.token = token;
            this.customers = customers;
            this.idPrefix = runId + "-e" + index + "-";
            this.random = new SplittableRandom(2_000L + index);
        }

        @Override
        public boolean perform(Tally tally) throws IOException, InterruptedException {
            String customer = customers.get(random.nextInt(customers.size()));
            EventRules.Event event = EventRules.randomEvent(random);
            Api.Response response = api.post(PATH, token, body(idPrefix + sequence++, customer, event), null);
            if (accepted(response)) {
                return true;
            }
            tally.failure(String.valueOf(response.status()), response.shortBody());
            return false;
        }
    }
}
