package dev.loyalty.adapters.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Priority;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Priorities;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/**
 * A transaction that could not be completed is judged like any other failure (a 503 to retry, see
 * {@link DatabaseFailuresTest}), not left to Jersey's own mapper of the type, which answers 500.
 * (Building the responses needs the JAX-RS runtime: DatabaseRestartIT covers them over HTTP.)
 */
class TransactionalExceptionMapperTest {

    @Test
    void aCommitLostWithTheConnectionIsAnUnknownOutcomeNotAJaxRsFailure() {
        // as DatabaseRestartIT saw it: SystemException <- XAException <- the driver's socket error
        var system = new SystemException();
        system.initCause(new XAException("jakarta.resource.spi.LocalTransactionException: (conn=14) Socket error"));
        var commit = new TransactionalException("encountered exception during commit", system);

        assertThat(TransactionalExceptionMapper.thrownInside(commit)).isEmpty();
        assertThat(UnexpectedExceptionMapper.transactionOutcomeUnknown(commit)).isTrue();
    }

    @Test
    void itIsPreferredToJerseysOwnMapperOfTheSameType() {
        assertThat(TransactionalExceptionMapper.class
                        .getAnnotation(Priority.class)
                        .value())
                .isLessThan(Priorities.USER);
    }
}
