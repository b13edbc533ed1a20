package dev.loyalty.adapters.web.customer;

import dev.loyalty.adapters.web.tier.TierView;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.PhoneNumber;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A customer as the API shows it: the whole profile to the customer and the console, a summary
 * without contact details at the till (city, province and gender included: they contact nobody); with the tier and its progress once a tier programme
 * exists (left out before); to the customer, the contacts changed in the app that await their
 * code ({@code unverifiedContacts}: messages do not go there until confirmed); at the till and in
 * the console, the points still {@code pending} on orders that can be cancelled (not spendable, not
 * in {@code pointsBalance}).
 */
public record CustomerView(
        String customerId,
        String cardNumber,
        String firstName,
        String lastName,
        String email,
        String phone,
        LocalDate birthDate,
        String city,
        String province,
        String gender,
        String language,
        String preferredChannel,
        String enrolmentChannel,
        String storeId,
        Instant enrolledAt,
        ConsentsBody consents,
        long pointsBalance,
        TierView tier,
        java.util.List<String> unverifiedContacts,
        Long pending) {

    static CustomerView profile(Customer customer, long pointsBalance) {
        return profile(customer, pointsBalance, null);
    }

    static CustomerView profile(Customer customer, long pointsBalance, TierView tier) {
        return new CustomerView(
                customer.id().toString(),
                customer.cardNumber().value(),
                customer.firstName(),
                customer.lastName().orElse(null),
                customer.email().map(Email::value).orElse(null),
                customer.phone().map(PhoneNumber::value).orElse(null),
                customer.birthDate().orElse(null),
                customer.attributes().city(),
                customer.attributes().province(),
                customer.attributes().knownGender().map(Enum::name).orElse(null),
                customer.attributes()
                        .knownLanguage()
                        .map(dev.loyalty.domain.customer.LanguageTag::value)
                        .orElse(null),
                customer.preferredChannel().name(),
                customer.enrolmentChannel().name(),
                customer.storeId().orElse(null),
                customer.enrolledAt(),
                ConsentsBody.of(customer.consents().current()),
                pointsBalance,
                tier,
                null,
                null);
    }

    /**
     * @param channels the contacts (EMAIL, SMS) changed in the app and not confirmed yet with their code
     * @return this profile naming them (left out when none)
     */
    CustomerView withUnverified(java.util.Set<dev.loyalty.domain.customer.ContactChannel> channels) {
        return new CustomerView(
                customerId,
                cardNumber,
                firstName,
                lastName,
                email,
                phone,
                birthDate,
                city,
                province,
                gender,
                language,
                preferredChannel,
                enrolmentChannel,
                storeId,
                enrolledAt,
                consents,
                pointsBalance,
                tier,
                channels.isEmpty()
                        ? null
                        : channels.stream().map(Enum::name).sorted().toList(),
                pending);
    }

    /**
     * @param pendingPoints the points held on orders that can still be cancelled
     * @return this view showing them
     */
    CustomerView withPending(long pendingPoints) {
        return new CustomerView(
                customerId,
                cardNumber,
                firstName,
                lastName,
                email,
                phone,
                birthDate,
                city,
                province,
                gender,
                language,
                preferredChannel,
                enrolmentChannel,
                storeId,
                enrolledAt,
                consents,
                pointsBalance,
                tier,
                unverifiedContacts,
                pendingPoints);
    }

    static CustomerView summary(Customer customer, long pointsBalance, TierView tier) {
        CustomerView full = profile(customer, pointsBalance, tier);
        return new CustomerView(
                full.customerId,
                full.cardNumber,
                full.firstName,
                full.lastName,
                null,
                null,
                null,
                full.city,
                full.province,
                full.gender,
                full.language,
                full.preferredChannel,
                full.enrolmentChannel,
                full.storeId,
                full.enrolledAt,
                full.consents,
                full.pointsBalance,
                full.tier,
                null,
                null);
    }
}
