package dev.loyalty.adapters.persistence.privacy;

import dev.loyalty.application.privacy.PersonalTraces;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Erases a customer's personal traces outside the profile, keeping every row that something counts:
 * the events' attributes become {@code {}} (their type and time stay for missions and statistics),
 * the events a prospect posted with the customer's contact lose it, the messages lose their text
 * and values and their history its details (a call list's notes), the stored idempotent responses
 * naming the customer are deleted (a replay then runs as a new request, which the customer's
 * unique keys answer). The referral keeps its contact's hash, a digest that names nobody by itself:
 * without it a contact could erase itself and enrol again for a second referral reward (keying the
 * digest with a secret, so that a list of phone numbers cannot be matched against it, is left open).
 */
@ApplicationScoped
public class SqlPersonalTraces implements PersonalTraces {

    /** What an erased text reads. */
    static final String ERASED = "(erased)";

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SqlPersonalTraces() {}

    /** For tests outside the container. */
    public SqlPersonalTraces(EntityManager em) {
        this.em = em;
    }

    @Override
    public void erase(CustomerId id, List<String> contacts) {
        String customer = id.toString();
        update(
                "UPDATE customer_event SET attributes = '{}', prospect_email = NULL, prospect_phone = NULL"
                        + " WHERE customer_id = ?",
                customer);
        for (String contact : contacts) {
            update(
                    "UPDATE customer_event SET attributes = '{}', prospect_email = NULL, prospect_phone = NULL"
                            + " WHERE prospect_email = ? OR prospect_phone = ?",
                    contact,
                    contact);
        }
        update(
                "UPDATE message SET template = '" + ERASED + "', template_values = '{}',"
                        + " reason = IF(reason IS NULL, NULL, '" + ERASED + "') WHERE customer_id = ?",
                customer);
        update(
                "UPDATE message_status s JOIN message m ON m.id = s.message_id SET s.detail = '" + ERASED + "'"
                        + " WHERE m.customer_id = ?",
                customer);
        update("DELETE FROM contact_verification WHERE customer_id = ?", customer);
        forgetStoredResponses(customer, contacts);
        // a registration token addresses the customer's phone: nothing is pushed to an erased customer
        update("DELETE FROM customer_device WHERE customer_id = ?", customer);
        // the referral keeps its contact's hash (a digest, not the contact): it is what refuses a
        // second reward to a contact that erases itself and enrols again with the same code
    }

    /**
     * Deletes the stored responses naming the customer. Their bodies are not indexed, so they are
     * found by one scan for all the needles, a plain {@code SELECT}: InnoDB reads it from a snapshot
     * without locking. A {@code DELETE ... WHERE body LIKE} would lock every row it scans (and the
     * gaps between them), holding up every till writing its idempotency record for as long as the
     * scan of the whole table lasts; this way only the rows found are locked, by their key.
     */
    private void forgetStoredResponses(String customer, List<String> contacts) {
        List<String> needles = new ArrayList<>();
        needles.add(customer);
        needles.addAll(contacts);
        String where = String.join(" OR ", Collections.nCopies(needles.size(), "body LIKE ? ESCAPE '!'"));
        var scan = em.createNativeQuery("SELECT key_hash FROM idempotency_record WHERE " + where);
        for (int i = 0; i < needles.size(); i++) {
            scan.setParameter(i + 1, "%" + likeLiteral(needles.get(i)) + "%");
        }
        List<?> keys = scan.getResultList();
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<?> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH));
            var delete = em.createNativeQuery("DELETE FROM idempotency_record WHERE key_hash IN ("
                    + String.join(", ", Collections.nCopies(batch.size(), "?")) + ")");
            for (int i = 0; i < batch.size(); i++) {
                delete.setParameter(i + 1, batch.get(i));
            }
            delete.executeUpdate();
        }
    }

    /** Stored responses deleted per statement. */
    private static final int DELETE_BATCH = 500;

    /** {@code text} matched literally by {@code LIKE ... ESCAPE '!'}: an e-mail's {@code _} is no wildcard. */
    static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private void update(String sql, String... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }
}
