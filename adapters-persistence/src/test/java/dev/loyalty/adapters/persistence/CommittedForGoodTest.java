package dev.loyalty.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.Test;

class CommittedForGoodTest {

    private int status = Status.STATUS_NO_TRANSACTION;

    private final TransactionSynchronizationRegistry registry = new TransactionSynchronizationRegistry() {
        @Override
        public Object getTransactionKey() {
            return null;
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    };

    private final CommittedForGood<String, String> kept = new CommittedForGood<>(2);

    @Test
    void aReadOutsideAnyTransactionIsKept() {
        assertThat(kept.keep("a", "A", registry)).isEqualTo("A");

        assertThat(kept.get("a")).contains("A");
        assertThat(kept.get("b")).isEmpty();
    }

    @Test
    void aReadInsideATransactionIsNotKeptForItsRollbackWouldTakeItBack() {
        status = Status.STATUS_ACTIVE;

        assertThat(kept.keep("a", "A", registry)).isEqualTo("A");

        assertThat(kept.get("a")).isEmpty();
    }

    @Test
    void withoutARegistryNothingIsKept() {
        kept.keep("a", "A", null);

        assertThat(kept.get("a")).isEmpty();
    }

    @Test
    void whenFullItStartsAgainEmpty() {
        kept.keep("a", "A", registry);
        kept.keep("b", "B", registry);
        kept.keep("c", "C", registry);

        assertThat(kept.size()).isEqualTo(1);
        assertThat(kept.get("c")).contains("C");
        assertThat(kept.get("a")).isEmpty();
    }
}
