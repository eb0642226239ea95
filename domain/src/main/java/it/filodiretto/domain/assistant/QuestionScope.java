package it.filodiretto.domain.assistant;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Questions that are not the city's to answer, whatever its knowledge base happens to share with them: another
 * municipality ("orari anagrafe di Gallarate", found with ISTAT's list of Comuni), a national or other body
 * (INPS, the driving licence, passports, the family doctor, the income-tax return, the car tax), attempts to
 * make the assistant something else ("ignora le istruzioni…"), chit-chat, and requests for other people's data.
 * Matched on the lower-case, accent-free text, by word beginnings; the city's own name and its places
 * (frazioni, neighbourhoods) are never "another place".
 */
public final class QuestionScope {

    /** Why a question is out of scope, and what to name in the decline (a place, or the key of a body's pointer). */
    public record OutOfScope(Kind kind, String subject) {
    }

    public enum Kind { OTHER_PLACE, OTHER_BODY, OFF_TOPIC, OTHER_PERSON }

    /** A national or other body and the words that name its matters; {@code key} names its pointer text. */
    private record Body(String key, Pattern pattern) {
    }

    private static final List<Body> BODIES = List.of(
            body("inps", "inps", "pensione", "pensioni", "naspi", "disoccupazion", "assegno unico", "cassa integrazion", "pension",
                    "unemployment benefit", "fare l isee", "si fa l isee", "faccio l isee", "calcolo dell isee", "calcolare l isee",
                    "rinnovare l isee",
                    "richiedere l isee", "isee al caf", "dsu ", "dichiarazione sostitutiva unica"),
            body("post", "ufficio postale", "uffici postali", "poste italiane", "post office"),
            body("licence", "patente", "patenti", "foglio rosa", "driving licen", "driver s licen", "drivers licen", "driving test"),
            body("passport", "passaport", "passport"),
            body("health", "medico di base", "medico di famiglia", "medico curante", "medico della mutua", "pediatra", "cambio medico",
                    "cambiare medico", "cambiare il medico", "cambio del medico", "scelta del medico", "tessera sanitaria", "family doctor",
                    "general practitioner", "asl ", "ats ", "ulss ", "health card", "farmacia di turno", "farmacie di turno",
                    "guardia medica",
                    "pharmacy on duty"),
            body("revenue", "agenzia delle entrate", "730", "dichiarazione dei redditi", "modello unico", "tax return", "income tax",
                    "irpef"),
            body("carTax", "bollo auto", "bollo dell auto", "bollo della macchina", "bollo macchina", "bollo moto", "bollo per la mia",
                    "pagare il bollo", "tassa automobilistica",
                    "car tax", "road tax", "vehicle tax"),
            body("residencePermit", "permesso di soggiorno", "permessi di soggiorno", "residence permit"));

    private static final Pattern OFF_TOPIC = words(
            // attempts to make the assistant something else
            "ignora le istruzioni", "ignora tutte le istruzioni", "ignora le tue istruzioni", "ignora le regole", "dimentica le istruzioni",
            "dimentica tutto", "ignore all", "ignore previous", "ignore the previous", "ignore the above", "ignore your", "disregard",
            "system prompt", "prompt di sistema", "prompt del sistema", "istruzioni di sistema", "jailbreak", "developer mode",
            "modalita sviluppatore", "fingi di essere", "fai finta di essere", "pretend to be", "pretend you", "you are now", "sei ora",
            "da ora sei", "act as", "comportati come", "rispondi come se",
            // chit-chat and entertainment
            "barzellett", "joke", "poesia", "poem", "filastrocca", "oroscop", "horoscope", "chi ha vinto", "who won",
            "risultato della partita",
            "come stai", "how are you", "ti amo", "love you", "canzone", "song ", "che tempo fa", "what s the weather", "weather tomorrow",
            "previsioni del tempo",
            // private businesses and other services
            "pizzeria", "ristorante", "restaurant", "meccanico", "mechanic", "idraulico", "plumber", "mi consigli un", "mi consigli una",
            "consigliami un",
            "consigliami una", "recommend a ", "recommend me", "dove compro", "a buon prezzo", "orari dei treni", "orari treni",
            "train times", "sei un bot", "sei un robot",
            "sei una persona", "are you a bot", "are you human");

    /** Someone's own data asked of the city: "il codice fiscale del sindaco", "la data di nascita di …". */
    private static final Pattern PERSONAL_DETAIL = Pattern
            .compile("(?<![a-z])(codice fiscale|data di nascita|indirizzo di casa|cellulare personale"
                    + "|numero personale|date of birth|home address|tax code) (del|della|dello|di|of) (?!mio |mia |miei |mie |un |una |my |a )");

    private static final Pattern OTHER_PERSON = words(
            "abita ", "abitano ", "dove vive ", "chi vive ", "residente in via", "residenti in via", "mio vicino", "mia vicina",
            "vicino di casa",
            "vicina di casa", "vicini di casa", "di chi e la macchina", "di chi e l auto", "chi ha preso la multa", "dati personali di",
            "numero di telefono del signor", "numero di telefono della signora", "indirizzo del signor", "indirizzo della signora",
            "indirizzo di casa di",
            "neighbour", "neighbor", "who lives", "where does he live", "where does she live", "lives at", "home address of",
            "personal data of", "phone number of");

    /** Words before a name that make it a street, not a place: "via Roma", "piazza Milano". */
    private static final Set<String> STREET = Set.of("via", "viale", "v", "le", "piazza", "p", "za", "piazzale", "corso", "c", "so",
            "largo",
            "vicolo", "strada", "contrada", "galleria", "lungo", "borgo", "street", "road", "square");

    /** Words before a common-word name that make it a place: "a Prato", "di Calcio", "comune di Opera". */
    private static final Set<String> PLACE_PREFIX = Set.of("a", "ad", "di", "in", "per", "at", "of", "to");

    /**
     * Where the citizen comes from or lives is not what the question is about: "mi sono trasferito da Milano",
     * "abito a Molinella, mio figlio può prendere lo scuolabus?", "I just moved here from Milan".
     */
    private static final Pattern ORIGIN = Pattern.compile("(?:^| )(?:da|dal|dalla|from|abito a|abito ad|abito in|vivo a|vivo ad|vivo in|"
            + "residente a|residenti a|sono di|siamo di|live in|living in|moved here from|trasferit[oai] da|trasferit[oai] qui da) $");

    /** English names of Italian cities that citizens write in English questions. */
    private static final Map<String, String> EXONYMS = Map.ofEntries(Map.entry("rome", "Roma"), Map.entry("milan", "Milano"),
            Map.entry("turin", "Torino"), Map.entry("florence", "Firenze"), Map.entry("venice", "Venezia"), Map.entry("naples", "Napoli"),
            Map.entry("genoa", "Genova"), Map.entry("padua", "Padova"), Map.entry("mantua", "Mantova"), Map.entry("syracuse", "Siracusa"),
            Map.entry("leghorn", "Livorno"), Map.entry("sienna", "Siena"));

    private static final int LONGEST_NAME = 6;

    /** A municipality's official name, and whether it is also an ordinary word (then a place only after a preposition). */
    private record Municipality(String name, boolean commonWord) {
    }

    private static volatile Map<String, Municipality> municipalities;

    private final Set<String> ownPlaces;

    /**
     * @param cityName the city's name as configured ("Comune di Busto Arsizio" or "Busto Arsizio")
     * @param ownPlaces its frazioni and neighbourhoods, never "another place"
     */
    public QuestionScope(String cityName, Collection<String> ownPlaces) {
        Set<String> own = new HashSet<>();
        if (cityName != null) {
            own.add(fold(ownName(cityName)));
        }
        ownPlaces.forEach(p -> own.add(fold(p)));
        own.remove("");
        this.ownPlaces = Set.copyOf(own);
    }

    /** "Comune di Busto Arsizio" → "Busto Arsizio". */
    static String ownName(String cityName) {
        return cityName.strip().replaceFirst("(?i)^(il\\s+)?(comune|citt[aà])\\s+(di|of)\\s+", "").replaceFirst("(?i)^(city|town) of\\s+",
                "");
    }

    /** The first reason the question is not the city's to answer, if any. */
    public Optional<OutOfScope> of(String question) {
        if (question == null || question.isBlank()) {
            return Optional.empty();
        }
        String text = " " + fold(question) + " ";
        if (OFF_TOPIC.matcher(text).find()) {
            return Optional.of(new OutOfScope(Kind.OFF_TOPIC, null));
        }
        if (OTHER_PERSON.matcher(text).find() || PERSONAL_DETAIL.matcher(text).find()) {
            return Optional.of(new OutOfScope(Kind.OTHER_PERSON, null));
        }
        Optional<String> place = otherPlace(text.strip());
        if (place.isPresent()) {
            return Optional.of(new OutOfScope(Kind.OTHER_PLACE, place.get()));
        }
        for (Body body : BODIES) {
            if (body.pattern().matcher(text).find()) {
                return Optional.of(new OutOfScope(Kind.OTHER_BODY, body.key()));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the best article speaks of the subject the question was declined for (then it answers after all):
     * another place named in its title or passage, another body's matter in its title.
     */
    public static boolean mentions(KnowledgeIndex.Hit best, OutOfScope reason) {
        return reason.kind() == Kind.OTHER_PLACE ? mentions(best.title() + "\n" + best.passage(), reason) : mentions(best.title(), reason);
    }

    static boolean mentions(String text, OutOfScope reason) {
        if (text == null) {
            return false;
        }
        String folded = " " + fold(text) + " ";
        return switch (reason.kind()) {
            case OTHER_PLACE -> folded.contains(" " + fold(reason.subject()) + " ");
            case OTHER_BODY ->
                BODIES.stream().filter(b -> b.key().equals(reason.subject())).anyMatch(b -> b.pattern().matcher(folded).find());
            default -> false;
        };
    }

    private Optional<String> otherPlace(String folded) {
        String[] words = folded.split(" ");
        Map<String, Municipality> names = municipalities();
        for (int i = 0; i < words.length; i++) {
            for (int n = Math.min(LONGEST_NAME, words.length - i); n >= 1; n--) {
                String candidate = String.join(" ", Arrays.copyOfRange(words, i, i + n));
                Municipality found = names.get(candidate);
                if (found == null && n == 1 && EXONYMS.containsKey(candidate)) {
                    found = new Municipality(EXONYMS.get(candidate), false);
                }
                if (found == null) {
                    continue;
                }
                String before = i > 0 ? words[i - 1] : "";
                String lead = String.join(" ", Arrays.copyOfRange(words, Math.max(0, i - 4), i)) + " ";
                boolean street = STREET.contains(before) || ORIGIN.matcher(lead).find();
                boolean own = ownPlaces.stream()
                        .anyMatch(p -> p.equals(candidate) || p.startsWith(candidate + " ") || p.endsWith(" " + candidate));
                if (!street && !own && (!found.commonWord() || PLACE_PREFIX.contains(before))) {
                    return Optional.of(found.name());
                }
                i += n - 1;
                break;
            }
        }
        return Optional.empty();
    }

    /** ISTAT's Comuni by folded name. */
    private static Map<String, Municipality> municipalities() {
        Map<String, Municipality> names = municipalities;
        if (names == null) {
            synchronized (QuestionScope.class) {
                if (municipalities == null) {
                    municipalities = load();
                }
                names = municipalities;
            }
        }
        return names;
    }

    private static Map<String, Municipality> load() {
        Map<String, Municipality> names = new HashMap<>();
        try (InputStream in = QuestionScope.class.getResourceAsStream("comuni-italiani.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                int first = line.indexOf(',');
                int last = line.lastIndexOf(',');
                int province = line.lastIndexOf(',', last - 1);
                String name = line.substring(first + 1, province).replace("\"", "");
                names.merge(fold(name), new Municipality(name, line.endsWith(",1")),
                        (a, b) -> new Municipality(a.name(), a.commonWord() || b.commonWord()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(names);
    }

    private static Body body(String key, String... words) {
        return new Body(key, words(words));
    }

    private static Pattern words(String... words) {
        return Pattern.compile("(?<![a-z0-9])(" + String.join("|", Arrays.stream(words).map(Pattern::quote).toList()) + ")");
    }

    static String fold(String text) {
        return SensitiveTopics.fold(text).strip();
    }
}
