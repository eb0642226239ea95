package it.filodiretto.web.security;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Minutes of inactivity before a console session ends: {@code filodiretto.console.session-timeout-minutes}
 * (default 30, as web.xml says for a container that ignores this listener); 5 to 480.
 */
@WebListener
public class SessionTimeout implements HttpSessionListener {

    static final int DEFAULT_MINUTES = 30;

    private volatile Integer minutes;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval(minutes() * 60);
    }

    private int minutes() {
        Integer known = minutes;
        if (known == null) {
            known = bounded(ConfigProvider.getConfig().getOptionalValue("filodiretto.console.session-timeout-minutes", Integer.class)
                    .orElse(DEFAULT_MINUTES));
            minutes = known;
        }
        return known;
    }

    static int bounded(int configured) {
        return Math.max(5, Math.min(480, configured));
    }
}
