package it.filodiretto.domain.whatsapp;

/** What became of one send: accepted with its wamid, or refused with WhatsApp's classification. */
public sealed interface SendResult {

    record Accepted(String wamid) implements SendResult {
    }

    /**
     * Not sent, as far as we know. {@code errorClass} says what to do: TRANSIENT (try again later), PERMANENT (never
     * for this recipient/message), STOP_EVERYTHING (account-level problem: pause all sending).
     */
    record Refused(ErrorClass errorClass, int httpStatus, int code, String title) implements SendResult {

        /** The code of a send whose answer never came: the API may have accepted it (see {@link #outcomeUnknown()}). */
        public static final int ANSWER_LOST = -1;

        /** A transient refusal whose answer was lost: the message may have gone out, so sending it again may repeat it. */
        public static Refused answerLost(String title) {
            return new Refused(ErrorClass.TRANSIENT, 0, ANSWER_LOST, title);
        }

        public boolean outcomeUnknown() {
            return code == ANSWER_LOST;
        }
    }
}
