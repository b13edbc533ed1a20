package dev.loyalty.adapters.persistence.wallet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** The {@code wallet} row: cached balance and version, both moved by {@link JpaWallets#save} only. */
@Entity
@Table(name = "wallet")
public class WalletJpaEntity {

    @Id
    @Column(name = "customer_id", length = 36)
    String customerId;

    @Column(name = "balance", nullable = false)
    long balance;

    @Column(name = "version", nullable = false)
    long version;

    @Column(name = "next_expiry_at")
    LocalDateTime nextExpiryAt;

    protected WalletJpaEntity() {}
}
