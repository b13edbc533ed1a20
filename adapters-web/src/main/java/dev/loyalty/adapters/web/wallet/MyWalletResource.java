package dev.loyalty.adapters.web.wallet;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.wallet.WalletQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The app's customer reading their own points. */
@Path("me/wallet")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wallet")
public class MyWalletResource {

    @Inject
    WalletQuery wallets;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(
            operationId = "getMyWallet",
            summary = "My points: balance and ledger, newest first",
            description = "Entries are EARN, BURN,"
                    + " EXPIRE, REVERSE or ADJUST with signed points, a reason and a reference; page from 0, size 1-100."
                    + " pending: points of orders that can still be cancelled (not spendable); pendingEntries:"
                    + " their steps, PENDING, POSTED or VOIDED.")
    public WalletView mine(
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        Actor actor = caller.actor();
        return WalletView.of(wallets.statement(caller.customerId(), actor, page, size));
    }
}
