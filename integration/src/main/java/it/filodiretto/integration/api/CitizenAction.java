package it.filodiretto.integration.api;

/** What a simulated citizen did: exactly one of text, buttonId, listId ({@code title}: the tapped choice's label). */
public record CitizenAction(String from, String text, String buttonId, String listId, String title, String reaction) {
}
