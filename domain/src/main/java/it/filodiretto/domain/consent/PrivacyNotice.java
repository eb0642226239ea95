package it.filodiretto.domain.consent;

import it.filodiretto.domain.common.CodeListConverter;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;

/** A published version of the privacy notice: immutable, identified by its number and the SHA-256 of its text. */
@Entity
@Table(name = "privacy_notice")
public class PrivacyNotice implements java.io.Serializable {

    @Id
    @Column(name = "version")
    private int version;

    @Lob
    @Column(name = "text", nullable = false)
    private String text;

    @Column(name = "text_hash", nullable = false, length = 64)
    private String textHash;

    @Column(name = "summary", nullable = false, length = 1000)
    private String summary;

    @Column(name = "url", nullable = false, length = 500)
    private String url;

    @Convert(converter = CodeListConverter.class)
    @Column(name = "purposes", nullable = false, length = 500)
    private List<String> purposes;

    @Column(name = "published_at", nullable = false)
    private OffsetDateTime publishedAt;

    protected PrivacyNotice() {
        // JPA
    }

    public PrivacyNotice(int version, String text, String summary, String url, List<String> purposes, OffsetDateTime publishedAt) {
        this.version = version;
        this.text = text;
        this.textHash = sha256(text);
        this.summary = summary;
        this.url = url;
        this.purposes = List.copyOf(purposes);
        this.publishedAt = publishedAt;
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public int version() {
        return version;
    }

    public String text() {
        return text;
    }

    public String textHash() {
        return textHash;
    }

    public String summary() {
        return summary;
    }

    public String url() {
        return url;
    }

    public List<String> purposes() {
        return purposes;
    }

    public OffsetDateTime publishedAt() {
        return publishedAt;
    }
}
