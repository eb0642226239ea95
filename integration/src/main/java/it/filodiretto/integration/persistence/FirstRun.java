package it.filodiretto.integration.persistence;

import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.consent.PrivacyNotices;
import it.filodiretto.domain.staff.StaffService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * When the database has no staff account at all, creates {@code admin}: with the password of
 * {@code FILODIRETTO_ADMIN_PASSWORD} (config key {@code filodiretto.admin.password}), or a generated one
 * printed once to the server log. Publishes the built-in first privacy-notice version when there is none.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FirstRun {

    private static final Logger LOG = Logger.getLogger(FirstRun.class.getName());

    @Inject
    StaffService staff;

    @Inject
    PrivacyNotices notices;

    @Inject
    @ConfigProperty(name = "filodiretto.admin.password")
    Optional<String> adminPassword;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void createFirstAdministrator() {
        Optional<String> generatedPassword;
        try {
            generatedPassword = staff.ensureInitialAdmin(adminPassword);
        } catch (DomainException weak) {
            LOG.severe(() -> "FILODIRETTO_ADMIN_PASSWORD does not meet the password policy (" + weak.code()
                    + ": at least " + staff.passwordPolicy().minLength()
                    + " characters, letters plus a digit or symbol, not containing 'admin'); a password is generated instead.");
            generatedPassword = staff.ensureInitialAdmin(Optional.empty());
        }
        notices.inForce();
        generatedPassword.ifPresent(generated -> LOG.warning(() -> "\n==================================================================\n"
                + " Filo Diretto first run: staff account 'admin' created.\n"
                + " Generated password (shown only this once; to be changed at the first login): " + generated + "\n"
                + " Set FILODIRETTO_ADMIN_PASSWORD before the first start to choose it.\n"
                + "=================================================================="));
    }
}
