package it.filodiretto.domain.consent;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Salted SHA-256 of personal values (numbers, IP addresses) for what must be kept without the value
 * itself: suppression entries, web evidence, rate limits. The salt is generated once per installation and
 * never leaves the database.
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

    private String salt() {
        List<?> existing = em.createNativeQuery("select setting_value from installation_setting where name = ?").setParameter(1, SALT).getResultList();
        if (!existing.isEmpty()) {
            return (String) existing.get(0);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String salt = HexFormat.of().formatHex(random);
        em.createNativeQuery("insert into installation_setting (name, setting_value) values (?, ?)").setParameter(1, SALT).setParameter(2, salt).executeUpdate();
        return salt;
    }
}
