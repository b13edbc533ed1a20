package dev.loyalty.adapters.persistence.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One {@code customer_consent} row: a consent decision with its evidence, never updated. */
@Entity
@Table(name = "customer_consent")
public class ConsentJpaEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "customer_id", nullable = false, updatable = false)
    CustomerJpaEntity customer;

    @Column(name = "position", nullable = false, updatable = false)
    int position;

    @Column(name = "purpose", nullable = false, updatable = false)
    String purpose;

    @Column(name = "granted", nullable = false, updatable = false)
    boolean granted;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    LocalDateTime recordedAt;

    @Column(name = "source", nullable = false, updatable = false)
    String source;

    @Column(name = "text_version", nullable = false, updatable = false)
    String textVersion;

    protected ConsentJpaEntity() {}
}
