package dev.loyalty.adapters.persistence.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** The {@code customer} row; timestamps are UTC. Only {@link CustomerMapper} reads or writes it. */
@Entity
@Table(name = "customer")
public class CustomerJpaEntity {

    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "card_number", nullable = false, updatable = false, length = 13)
    String cardNumber;

    @Column(name = "first_name", nullable = false)
    String firstName;

    @Column(name = "last_name")
    String lastName;

    @Column(name = "email")
    String email;

    @Column(name = "phone")
    String phone;

    @Column(name = "birth_date")
    LocalDate birthDate;

    @Column(name = "city")
    String city;

    @Column(name = "province")
    String province;

    @Column(name = "gender")
    String gender;

    @Column(name = "language")
    String language;

    @Column(name = "preferred_channel", nullable = false)
    String preferredChannel;

    @Column(name = "enrolment_channel", nullable = false, updatable = false)
    String enrolmentChannel;

    @Column(name = "store_id", updatable = false)
    String storeId;

    @Column(name = "referral_code", updatable = false)
    String referralCode;

    @Column(name = "enrolled_at", nullable = false, updatable = false)
    LocalDateTime enrolledAt;

    /** Advanced by {@link JpaCustomers#update} itself, in a conditional UPDATE (no JPA @Version). */
    @Column(name = "version", nullable = false)
    long version;

    /** Read only: new decisions are persisted as rows of their own (see {@link CustomerMapper}). */
    @OneToMany(mappedBy = "customer")
    @OrderBy("position ASC")
    List<ConsentJpaEntity> consents = new ArrayList<>();

    protected CustomerJpaEntity() {}
}
