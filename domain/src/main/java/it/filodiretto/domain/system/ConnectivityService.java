package it.filodiretto.domain.system;

import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.domain.system.port.PingSender;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;
import java.util.UUID;

/** The JMS round trip: a ping is stored and sent in one transaction, and marked received by a consumer. */
@Stateless
public class ConnectivityService {

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    PingSender sender;

    @Inject
    TimeSource time;

    /** Stores and sends a ping in a transaction of its own, committed when this returns. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String sendPing() {
        String token = UUID.randomUUID().toString();
        em.persist(new ConnectivityPing(token, time.now()));
        sender.send(token);
        return token;
    }

    /**
     * Called by the message consumer, inside the transaction that acknowledges the message: MANDATORY makes
     * a consumer without that transaction fail here, so the JMS round trip of the tests and of the
     * self-test proves it.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void markReceived(String token) {
        ConnectivityPing ping = em.find(ConnectivityPing.class, token, LockModeType.PESSIMISTIC_WRITE);
        if (ping == null) {
            throw new IllegalArgumentException("unknown ping " + token);
        }
        ping.markReceived(time.now());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<ConnectivityPing> find(String token) {
        return Optional.ofNullable(em.find(ConnectivityPing.class, token));
    }
}
