package it.filodiretto.integration.sandbox;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static it.filodiretto.domain.common.Jsons.JSON;

/** JSON the way Meta shapes it: webhook envelopes, inbound messages, statuses, error answers, wamids. */
final class MetaShapes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MetaShapes() {
    }

    /**
     * A message id shaped like Meta's: base64 of a small binary record that carries the other party's number
     * (digits) and a random key, so that code which keeps wamids is tested against what it really keeps.
     */
    static String wamid(String phone) {
        byte[] digits = phone.replaceAll("[^0-9]", "").getBytes(StandardCharsets.US_ASCII);
        byte[] key = new byte[10];
        RANDOM.nextBytes(key);
        String keyHex = HexFormat.of().formatHex(key).toUpperCase(java.util.Locale.ROOT);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write(0x1c);
        bytes.write(0x18);
        bytes.write(digits.length);
        bytes.writeBytes(digits);
        bytes.writeBytes(new byte[]{0x15, 0x02, 0x00, 0x12, 0x18, (byte) keyHex.length()});
        bytes.writeBytes(keyHex.getBytes(StandardCharsets.US_ASCII));
        bytes.write(0x00);
        return "wamid." + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** A stable business-scoped user id for a number (Meta's BSUID is opaque; so is this). */
    static String userId(String digits) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("filodiretto-sandbox:" + digits).getBytes(StandardCharsets.UTF_8));
            return "IT." + HexFormat.of().formatHex(h, 0, 12).toUpperCase(java.util.Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject error(int code, String message) {
        return JSON.createObjectBuilder().add("error", JSON.createObjectBuilder()
                .add("message", message).add("type", "OAuthException").add("code", code)
                .add("fbtrace_id", "sandbox")).build();
    }

    static JsonObject envelope(String wabaId, String phoneNumberId, JsonObjectBuilder value) {
        value.add("messaging_product", "whatsapp")
                .add("metadata", JSON.createObjectBuilder().add("display_phone_number", "390000000000")
                        .add("phone_number_id", phoneNumberId));
        return JSON.createObjectBuilder()
                .add("object", "whatsapp_business_account")
                .add("entry", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                        .add("id", wabaId)
                        .add("changes", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                                .add("field", "messages").add("value", value)))))
                .build();
    }

    /** One status of a message we "delivered". */
    record Status(String wamid, String digits, String status, long epochSecond) {
    }

    static JsonObjectBuilder statuses(List<Status> statuses) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (Status s : statuses) {
            array.add(JSON.createObjectBuilder()
                    .add("id", s.wamid())
                    .add("status", s.status())
                    .add("timestamp", Long.toString(s.epochSecond()))
                    .add("recipient_id", s.digits())
                    .add("conversation", JSON.createObjectBuilder().add("id", "sandbox-conversation")
                            .add("origin", JSON.createObjectBuilder().add("type", "utility")))
                    .add("pricing", JSON.createObjectBuilder().add("billable", true).add("pricing_model", "PMP")
                            .add("category", "utility")));
        }
        return JSON.createObjectBuilder().add("statuses", array);
    }
}
