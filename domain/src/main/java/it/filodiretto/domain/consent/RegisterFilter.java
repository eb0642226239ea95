package it.filodiretto.domain.consent;

/** The privacy officer's filter of the consent register; null or blank fields do not filter. */
public record RegisterFilter(Subscriber.State state, String topic, String number) {

    public static RegisterFilter none() {
        return new RegisterFilter(null, null, null);
    }
}
