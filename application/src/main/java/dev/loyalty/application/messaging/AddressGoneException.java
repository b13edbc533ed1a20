package dev.loyalty.application.messaging;

/**
 * The provider says the address no longer exists (FCM: the registration token is unregistered,
 * the app was uninstalled or its token replaced): permanent for this address, which is forgotten
 * so that nothing is sent to it again.
 */
public class AddressGoneException extends GatewayException {

    private static final long serialVersionUID = 1L;

    /** @param detail what the provider said, without the address */
    public AddressGoneException(String detail) {
        super(detail, false);
    }
}
