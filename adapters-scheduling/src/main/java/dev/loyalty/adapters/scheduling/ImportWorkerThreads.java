package dev.loyalty.adapters.scheduling;

import dev.loyalty.application.history.ImportId;
import dev.loyalty.application.history.ImportWakeUp;
import dev.loyalty.application.history.ImportWorker;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The threads imports are read on: a container thread per import woken after its upload (an EJB
 * asynchronous call), and a timer every 10 s that takes over imports whose lease expired (a worker
 * that crashed, an instance restarted). No transaction surrounds either: each batch commits on its
 * own; no lock serialises them: the lease does.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ImportWorkerThreads implements ImportWakeUp {

    private static final Logger LOG = Logger.getLogger(ImportWorkerThreads.class.getName());

    @Inject
    ImportWorker worker;

    @Override
    @Asynchronous
    public void wake(ImportId id) {
        try {
            worker.run(id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Import " + id + " stopped; the timer takes it over", e);
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void resumeAbandoned() {
        LOG.log(Level.FINE, "Looking for abandoned imports");
        try {
            worker.resumeAbandoned();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Taking over abandoned imports failed; the next run tries again", e);
        }
    }
}
