package it.filodiretto.domain.consent;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Salted SHA-256 of personal values (numbers, IP addresses) for what must be kept without the value
 * itself: suppression entries, web evidence, rate limits, references to citizens' messages. The salt is
 * generated once per installation (by a migration) and never leaves the database.
 */
@Stateless
public class Pseudonyms {

    private static final String SALT = "suppression-salt";

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    public String hash(String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Created by a migration (V20, per database), so concurrent first uses never race to create it. */
    private String salt() {
        List<?> existing = em.createNativeQuery("select setting_value from installation_setting where name = ?").setParameter(1, SALT)
                .getResultList();
        if (existing.isEmpty()) {
            throw new IllegalStateException("the installation's salt is missing from installation_setting (migration V20)");
        }
        return (String) existing.get(0);
    }
}
