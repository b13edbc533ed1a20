package dev.loyalty.adapters.persistence.privacy;

import dev.loyalty.application.privacy.PersonalTraces;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
        update("DELETE FROM idempotency_record WHERE body LIKE CONCAT('%', ?, '%')", customer);
        // a registration token addresses the customer's phone: nothing is pushed to an erased customer
        update("DELETE FROM customer_device WHERE customer_id = ?", customer);
        for (String contact : contacts) {
            update("DELETE FROM idempotency_record WHERE body LIKE CONCAT('%', ?, '%')", contact);
        }
        // the referral keeps its contact's hash (a digest, not the contact): it is what refuses a
        // second reward to a contact that erases itself and enrols again with the same code
    }

    private void update(String sql, String... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }
}
