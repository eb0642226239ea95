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

    /**
     * Counts a failed login in the database itself ({@code failed_logins = failed_logins + 1}), so parallel
     * guesses each count instead of racing on the entity's version; returns the count now.
     */
    public int countFailedLogin(long accountId) {
        em.createQuery("update StaffAccount a set a.failedLogins = a.failedLogins + 1 where a.id = :id")
                .setParameter("id", accountId).executeUpdate();
        return em.createQuery("select a.failedLogins from StaffAccount a where a.id = :id", Integer.class)
                .setParameter("id", accountId).getSingleResult();
    }

    public void add(StaffAccount account) {
        em.persist(account);
    }
}
