package it.filodiretto.domain.consent;

import it.filodiretto.domain.common.CodeListConverter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The city's neighbourhoods (quartieri) citizens may follow, from {@code filodiretto.consent.neighbourhoods}
 * as {@code code=Label} pairs separated by commas. Without it the feature is off. At most 9 are offered in
 * the chat (WhatsApp lists hold 10 rows, one is "the whole city").
 */
@ApplicationScoped
public class Neighbourhoods {

    static final int CHAT_LIMIT = 9;

    @Inject
    @ConfigProperty(name = "filodiretto.consent.neighbourhoods")
    Optional<String> configured;

    public Map<String, String> all() {
        Map<String, String> result = new LinkedHashMap<>();
        configured.ifPresent(csv -> {
            for (String pair : CodeListConverter.parse(csv)) {
                String[] parts = pair.split("=", 2);
                String code = parts[0].strip();
                if (!code.isEmpty()) {
                    result.put(code, parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : code);
                }
            }
        });
        return result;
    }

    public boolean enabled() {
        return !all().isEmpty();
    }

    public List<String> codes() {
        return List.copyOf(all().keySet());
    }

    public String label(String code) {
        return all().getOrDefault(code, code);
    }

    public String labels(Set<String> codes) {
        return String.join(", ", all().entrySet().stream().filter(e -> codes.contains(e.getKey())).map(Map.Entry::getValue).toList());
    }
}
