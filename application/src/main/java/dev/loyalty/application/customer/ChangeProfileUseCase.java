package dev.loyalty.application.customer;

import dev.loyalty.domain.customer.Customer;

/**
 * Driving port: the profile change the app and the console make. A contact (e-mail, phone) the
 * customer changes in the app is not used for messages until the customer confirms the code sent
 * to it; one the console changes is taken as verified.
 */
public interface ChangeProfileUseCase {

    /**
     * @param command the change
     * @return the customer after it
     */
    Customer change(UpdateProfileCommand command);
}
