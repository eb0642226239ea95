package it.filodiretto.web.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URISyntaxException;

/** The real WAR built by this module, deployed at the root context like run.sh does, plus test classes and the shared test support. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive application(Class<?>... testClasses) {
        File war = new File(System.getProperty("filodiretto.it.war", "target/filodiretto.war"));
        WebArchive archive = ShrinkWrap.create(WebArchive.class, "ROOT.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war))
                .addClasses(testClasses)
                .addClasses(StaffClient.class, Deployments.class, Db.class, Db.Column.class, Waiting.class, SandboxPhone.class)
                .addAsLibraries(jarOf(org.assertj.core.api.Assertions.class), jarOf(org.awaitility.Awaitility.class),
                        jarOf(org.hamcrest.Matcher.class));
        return archive;
    }

    public static String adminPassword() {
        return System.getProperty("filodiretto.it.adminPassword", "It-secret-pass-2026");
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
