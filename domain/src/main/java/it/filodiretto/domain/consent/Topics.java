package it.filodiretto.domain.consent;

import it.filodiretto.domain.common.CodeListConverter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The topics citizens choose from: configuration {@code filodiretto.consent.topics}, labels in the chat bundle. */
@ApplicationScoped
public class Topics {

    static final List<String> DEFAULT = List.of("public_utility", "initiatives", "deadlines", "weather", "emergencies");

    @Inject
    @ConfigProperty(name = "filodiretto.consent.topics", defaultValue = "public_utility,initiatives,deadlines,weather,emergencies")
    String configured;

    public List<String> codes() {
        return CodeListConverter.parse(configured);
    }

    public Set<String> all() {
        return new LinkedHashSet<>(codes());
    }

    public boolean exists(String code) {
        return codes().contains(code);
    }

    public String label(String code, String language) {
        return ChatTexts.text(language, "topic." + code);
    }

    public String labels(Set<String> codes, String language) {
        return String.join(", ", codes().stream().filter(codes::contains).map(c -> label(c, language)).toList());
    }
}
