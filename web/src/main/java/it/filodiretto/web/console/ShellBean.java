package it.filodiretto.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What the console frame shows: the city's name and logo (configuration) and the software version. */
@Named("shell")
@ApplicationScoped
public class ShellBean {

    @Inject
    @ConfigProperty(name = "filodiretto.city.name", defaultValue = "Comune")
    String cityName;

    @Inject
    @ConfigProperty(name = "filodiretto.city.logo-url", defaultValue = "/resources/images/logo.svg")
    String logoUrl;

    private String version;

    public String getCityName() {
        return cityName;
    }

    /** A relative logo URL is resolved against the application, an absolute one is used as it is. */
    public String getLogoUrl() {
        return logoUrl;
    }

    public boolean isLogoRelative() {
        return logoUrl.startsWith("/");
    }

    public String getVersion() {
        if (version == null) {
            Properties build = new Properties();
            try (InputStream in = ShellBean.class.getResourceAsStream("/filodiretto-build.properties")) {
                if (in != null) {
                    build.load(in);
                }
            } catch (IOException e) {
                // keep the fallback below
            }
            version = build.getProperty("version", "dev");
        }
        return version;
    }
}
