package it.filodiretto.domain.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** Repository of staff accounts. */
@ApplicationScoped
public class StaffAccounts {

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    public Optional<StaffAccount> byUsername(String username) {
        return em.createQuery("select a from StaffAccount a where a.username = :u", StaffAccount.class)
                .setParameter("u", username)
                .getResultStream()
                .findFirst();
    }

    public List<StaffAccount> all() {
        return em.createQuery("select a from StaffAccount a order by a.username", StaffAccount.class)
                .getResultList();
    }

    public long count() {
        return em.createQuery("select count(a) from StaffAccount a", Long.class).getSingleResult();
    }

    public void add(StaffAccount account) {
        em.persist(account);
    }
}
