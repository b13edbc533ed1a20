package dev.loyalty.application.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActorTest {

    @Test
    void consentSourceDependsOnTheRole() {
        assertThat(Actor.terminal("till-7", "S001").consentSource()).isEqualTo("STORE:S001");
        assertThat(Actor.customer(CustomerId.newId()).consentSource()).isEqualTo("APP");
        assertThat(Actor.admin("anna").consentSource()).isEqualTo("ADMIN");
        assertThat(Actor.integration("website").consentSource()).isEqualTo("INTEGRATION:website");
    }

    @Test
    void onlyATerminalHasAStoreAndItAlwaysHasOne() {
        assertThatThrownBy(() -> new Actor(Role.TERMINAL, "till-7", null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("storeId"));
        assertThatThrownBy(() -> new Actor(Role.ADMIN, "anna", "S001"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("storeId"));
        assertThatThrownBy(() -> new Actor(null, "anna", null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Actor(Role.ADMIN, " ", null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aCustomerSeesOnlyItself() {
        CustomerId self = CustomerId.newId();
        Actor customer = Actor.customer(self);
        assertThat(customer.isCustomer()).isTrue();
        assertThat(customer.customerId()).contains(self);
        assertThat(customer.maySee(self)).isTrue();
        assertThat(customer.maySee(CustomerId.newId())).isFalse();
        assertThat(new Actor(Role.CUSTOMER, "not-a-uuid", null).maySee(self)).isFalse();
        assertThat(Actor.admin("anna").maySee(self)).isTrue();
        assertThat(Actor.admin("anna").customerId()).isEmpty();
    }

    @Test
    void anAdministratorPassesTheAdminGuard() {
        Actor.admin("anna").requireAdmin("rules are the console's");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void everyOtherRoleIsRefusedWithTheCallersWords(Role role) {
        Actor actor = new Actor(role, "someone", role == Role.TERMINAL ? "S001" : null);

        assertThatThrownBy(() -> actor.requireAdmin("rules are the console's"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("rules are the console's");
    }
}
