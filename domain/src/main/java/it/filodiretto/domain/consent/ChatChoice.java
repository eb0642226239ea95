package it.filodiretto.domain.consent;

import java.util.Optional;

/**
 * A button or list row the citizen tapped, parsed once from its id. The ids are a contract with the messages
 * already in citizens' chats: a tap on an old message must still mean the same thing.
 */
public sealed interface ChatChoice permits ChatChoice.Consent, ChatChoice.Privacy, ChatChoice.Topic, ChatChoice.Area,
        ChatChoice.WebAnswer {

    /** The id the button carries. */
    String id();

    /** What the tapped id means; empty for an id this channel never sent (left to the assistant). */
    static Optional<ChatChoice> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        if (WebSubscriptions.isWebAnswer(id)) {
            return Optional.of(new WebAnswer(id));
        }
        for (Consent consent : Consent.values()) {
            if (consent.id.equals(id)) {
                return Optional.of(consent);
            }
        }
        for (Privacy privacy : Privacy.values()) {
            if (privacy.id.equals(id)) {
                return Optional.of(privacy);
            }
        }
        if (id.startsWith(Area.PREFIX)) {
            return Optional.of(new Area(id.substring(Area.PREFIX.length())));
        }
        if (id.startsWith(Topic.PREFIX)) {
            return Optional.of(new Topic(id.substring(Topic.PREFIX.length())));
        }
        return Optional.empty();
    }

    /** The consent dialogue's buttons. */
    enum Consent implements ChatChoice {
        ACCEPT("consent:accept"), DECLINE("consent:decline"), RENEW("consent:renew");

        private final String id;

        Consent(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /** The buttons under the privacy notice and the erasure confirmation. */
    enum Privacy implements ChatChoice {
        RECEIPT("privacy:receipt"), ACCESS("privacy:access"), ERASE("privacy:erase"), ERASE_CONFIRMED("privacy:erase!");

        private final String id;

        Privacy(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /** A row of the topic list: one topic to toggle, or all of them ({@link #ALL}). */
    record Topic(String code) implements ChatChoice {
        static final String PREFIX = "topic:";
        public static final Topic ALL = new Topic("*");

        public boolean isAll() {
            return ALL.equals(this);
        }

        @Override
        public String id() {
            return PREFIX + code;
        }
    }

    /** A row of the neighbourhood list: one neighbourhood to toggle, or the whole city ({@link #WHOLE_CITY}). */
    record Area(String code) implements ChatChoice {
        static final String PREFIX = "area:";
        public static final Area WHOLE_CITY = new Area("*");

        public boolean isWholeCity() {
            return WHOLE_CITY.equals(this);
        }

        @Override
        public String id() {
            return PREFIX + code;
        }
    }

    /** A button of the web page's confirmation template (the id carries the request's token). */
    record WebAnswer(String id) implements ChatChoice {

        /** "Confermo" of a subscription or "Cancellami" of an unsubscription. */
        public boolean isConfirmation() {
            return WebSubscriptions.isConfirmation(id);
        }
    }
}
