package dev.loyalty.application.wallet;

/** An administrator corrects a wallet by hand (a goodwill credit, a correction), with a reason. */
public interface AdjustPointsUseCase {

    WalletStatement adjust(AdjustPointsCommand command);
}
