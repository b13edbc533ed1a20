package dev.loyalty.adapters.persistence.customer;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.domain.customer.CardNumber;
import dev.loyalty.domain.customer.ConsentEvidence;
import dev.loyalty.domain.customer.ConsentPurpose;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.EnrolmentChannel;
import dev.loyalty.domain.customer.Gender;
import dev.loyalty.domain.customer.LanguageTag;
import dev.loyalty.domain.customer.PhoneNumber;
import dev.loyalty.domain.customer.PreferredChannel;
import dev.loyalty.domain.customer.ProfileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Translates between the {@link Customer} aggregate and its rows. Consent evidence is append-only:
 * writing a customer adds the decisions the rows do not hold yet and never touches the others.
 */
final class CustomerMapper {

    private CustomerMapper() {}

    static CustomerJpaEntity toNewEntity(Customer customer) {
        CustomerJpaEntity entity = new CustomerJpaEntity();
        entity.id = customer.id().toString();
        entity.cardNumber = customer.cardNumber().value();
        entity.enrolmentChannel = customer.enrolmentChannel().name();
        entity.storeId = customer.storeId().orElse(null);
        entity.referralCode = customer.referralCode().orElse(null);
        entity.enrolledAt = UtcTimes.utc(customer.enrolledAt());
        entity.version = customer.version();
        copyChangeableState(customer, entity);
        return entity;
    }

    /** Copies what a profile update may change (consent decisions apart: see {@link #newConsentRows}). */
    static void copyChangeableState(Customer customer, CustomerJpaEntity entity) {
        entity.firstName = customer.firstName();
        entity.lastName = customer.lastName().orElse(null);
        entity.email = customer.email().map(Email::value).orElse(null);
        entity.phone = customer.phone().map(PhoneNumber::value).orElse(null);
        entity.birthDate = customer.birthDate().orElse(null);
        entity.preferredChannel = customer.preferredChannel().name();
        entity.city = customer.attributes().city();
        entity.province = customer.attributes().province();
        entity.gender = customer.attributes().knownGender().map(Gender::name).orElse(null);
        entity.language =
                customer.attributes().knownLanguage().map(LanguageTag::value).orElse(null);
    }

    /**
     * The rows of the consent decisions that {@code storedCount} rows do not hold yet, each at its
     * position in the history; a concurrent writer of the same position breaks a unique key.
     */
    static List<ConsentJpaEntity> newConsentRows(Customer customer, CustomerJpaEntity entity, int storedCount) {
        List<ConsentEvidence> history = customer.consentHistory();
        List<ConsentJpaEntity> rows = new ArrayList<>();
        for (int position = storedCount; position < history.size(); position++) {
            ConsentEvidence evidence = history.get(position);
            ConsentJpaEntity row = new ConsentJpaEntity();
            row.customer = entity;
            row.position = position;
            row.purpose = evidence.purpose().name();
            row.granted = evidence.granted();
            row.recordedAt = UtcTimes.utc(evidence.recordedAt());
            row.source = evidence.source();
            row.textVersion = evidence.textVersion();
            rows.add(row);
        }
        return rows;
    }

    static Customer toDomain(CustomerJpaEntity entity) {
        // in decision order whichever way the rows were fetched (a join fetch does not apply @OrderBy)
        List<ConsentEvidence> history = entity.consents.stream()
                .sorted(Comparator.comparingInt((ConsentJpaEntity row) -> row.position))
                .map(row -> new ConsentEvidence(
                        ConsentPurpose.valueOf(row.purpose),
                        row.granted,
                        UtcTimes.instant(row.recordedAt),
                        row.source,
                        row.textVersion))
                .toList();
        return Customer.reconstitute(
                CustomerId.parse(entity.id),
                CardNumber.of(entity.cardNumber),
                entity.firstName,
                entity.lastName,
                entity.email == null ? null : Email.of(entity.email),
                entity.phone == null ? null : PhoneNumber.of(entity.phone),
                entity.birthDate,
                new ProfileAttributes(
                        entity.city,
                        entity.province,
                        entity.gender == null ? null : Gender.valueOf(entity.gender),
                        entity.language == null ? null : new LanguageTag(entity.language)),
                PreferredChannel.valueOf(entity.preferredChannel),
                EnrolmentChannel.valueOf(entity.enrolmentChannel),
                entity.storeId,
                entity.referralCode,
                UtcTimes.instant(entity.enrolledAt),
                history,
                entity.version);
    }
}
