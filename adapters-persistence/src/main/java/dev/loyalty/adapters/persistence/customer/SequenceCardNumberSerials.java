package dev.loyalty.adapters.persistence.customer;

import dev.loyalty.application.customer.CardNumberSerials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Card-number serials from the MariaDB sequence {@code card_number_serial}: never repeated. */
@ApplicationScoped
public class SequenceCardNumberSerials implements CardNumberSerials {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SequenceCardNumberSerials() {}

    public SequenceCardNumberSerials(EntityManager em) {
        this.em = em;
    }

    @Override
    public long next() {
        return ((Number) em.createNativeQuery("SELECT NEXT VALUE FOR card_number_serial")
                        .getSingleResult())
                .longValue();
    }
}
