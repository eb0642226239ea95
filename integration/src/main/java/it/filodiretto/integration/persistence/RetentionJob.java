package it.filodiretto.integration.persistence;

import it.filodiretto.domain.assistant.AssistantRecords;
import it.filodiretto.domain.consent.Retention;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/** Applies the retention periods every night at 03:17 (server time). */
@Singleton
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

    @Inject
    Retention retention;

    @Inject
    AssistantRecords assistantRecords;

    @Schedule(hour = "3", minute = "17", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void nightly() {
        LOG.info(() -> "Retention applied: " + retention.apply() + " " + assistantRecords.purge());
    }
}
