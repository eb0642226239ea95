package it.filodiretto.integration.api;

import java.time.OffsetDateTime;

/** A message in the sandbox: sent by the city ({@code OUT}) or written by a simulated citizen ({@code IN}); JSON columns as text. */
public record SandboxMessage(String wamid, String direction, String phone, String kind, String templateName, String parameters,
        String header, String text, String footer, String buttons, String listMenu, String status,
        boolean marketing, OffsetDateTime createdAt) {
}
