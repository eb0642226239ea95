package it.filodiretto.domain.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** The subscribers and their consent records in the database. */
@ApplicationScoped
public class JpaSubscriberRepository implements SubscriberRepository {

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Override
    public Optional<Subscriber> byWhatsApp(String waId, String userId) {
        if (waId != null) {
            // two lookups, each on its unique index: "waId = ? or phone = ?" is a scan of every subscriber on H2
            Optional<Subscriber> byWa = first(em.createQuery("select s from Subscriber s where s.waId = :w", Subscriber.class)
                    .setParameter("w", waId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
            if (byWa.isEmpty()) {
                byWa = first(em.createQuery("select s from Subscriber s where s.phone = :p", Subscriber.class)
                        .setParameter("p", "+" + waId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
            }
            if (byWa.isPresent()) {
                return byWa;
            }
        }
        if (userId != null) {
            return first(em.createQuery("select s from Subscriber s where s.userId = :u", Subscriber.class)
                    .setParameter("u", userId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
        }
        return Optional.empty();
    }

    @Override
    public Optional<Subscriber> byId(long id) {
        return Optional.ofNullable(em.find(Subscriber.class, id));
    }

    @Override
    public void add(Subscriber subscriber) {
        em.persist(subscriber);
        em.flush();
    }

    @Override
    public void record(ConsentRecord record) {
        em.persist(record);
    }

    @Override
    public List<ConsentRecord> history(long subscriberId) {
        return em.createQuery("select c from ConsentRecord c where c.subscriberId = :s order by c.occurredAt, c.id", ConsentRecord.class)
                .setParameter("s", subscriberId).getResultList();
    }

    private static Optional<Subscriber> first(List<Subscriber> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }
}
