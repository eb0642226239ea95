package it.filodiretto.domain.consent;

import it.filodiretto.domain.common.CodeListConverter;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The chat commands a citizen types. A message matches a command when the whole message, ignoring case,
 * accents, surrounding spaces, repeated inner spaces and trailing punctuation, equals one of its keywords
 * (Italian and English, configurable).
 */
public final class Keywords {

    /** What a keyword asks for. */
    public enum Command { SUBSCRIBE, STOP, TOPICS, AREA, PRIVACY, HELP, MY_DATA, ERASE_MY_DATA }

    public static final Map<Command, List<String>> DEFAULTS = Map.of(
            Command.SUBSCRIBE, List.of("ISCRIVIMI", "ATTIVA", "START", "SUBSCRIBE", "ISCRIZIONE"),
            Command.STOP, List.of("STOP", "CANCELLAMI", "CANCELLA ISCRIZIONE", "DISATTIVA", "UNSUBSCRIBE", "BASTA"),
            Command.TOPICS, List.of("ARGOMENTI", "TOPICS", "TEMI"),
            Command.AREA, List.of("QUARTIERE", "QUARTIERI", "ZONA", "NEIGHBOURHOOD"),
            Command.PRIVACY, List.of("PRIVACY", "INFORMATIVA"),
            Command.HELP, List.of("AIUTO", "HELP", "INFO", "COMANDI", "MENU"),
            Command.MY_DATA, List.of("I MIEI DATI", "MIEI DATI", "ACCESSO AI DATI", "MY DATA"),
            Command.ERASE_MY_DATA,
            List.of("CANCELLA I MIEI DATI", "ELIMINA I MIEI DATI", "DIRITTO ALL'OBLIO", "DELETE MY DATA", "ERASE MY DATA"));

    private final Map<String, Command> byKeyword;

    public Keywords(Map<Command, List<String>> keywords) {
        Map<String, Command> map = new java.util.HashMap<>();
        keywords.forEach((command, words) -> words.forEach(w -> map.put(normalise(w), command)));
        this.byKeyword = Map.copyOf(map);
    }

    public static Keywords defaults() {
        return new Keywords(DEFAULTS);
    }

    /** Keywords from configuration: {@code command -> comma-separated words}; absent commands keep the defaults. */
    public static Keywords configured(Map<Command, String> configured) {
        Map<Command, List<String>> merged = new EnumMap<>(Command.class);
        merged.putAll(DEFAULTS);
        configured.forEach((command, csv) -> {
            if (csv != null && !csv.isBlank()) {
                merged.put(command, CodeListConverter.parse(csv));
            }
        });
        return new Keywords(merged);
    }

    public Optional<Command> match(String message) {
        if (message == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byKeyword.get(normalise(message)));
    }

    /** Upper case, no accents, single spaces, no surrounding spaces or trailing punctuation/emoji. */
    public static String normalise(String text) {
        String noAccents = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String collapsed = noAccents.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        return collapsed.replaceAll("[\\p{Punct}\\p{So}\\p{Sk}\\s]+$", "").replaceAll("^[\\p{Punct}\\s]+", "");
    }
}
