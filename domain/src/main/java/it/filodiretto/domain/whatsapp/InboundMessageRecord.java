package it.filodiretto.domain.whatsapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An inbound message as recorded (once per WhatsApp message id). Personal data: subject to retention. */
@Entity
@Table(name = "inbound_message")
public class InboundMessageRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inbound_message_seq")
    @SequenceGenerator(name = "inbound_message_seq", sequenceName = "inbound_message_seq", allocationSize = 50)
    private Long id;

    @Column(name = "message_id", nullable = false, unique = true, length = 200)
    private String messageId;

    @Column(name = "wa_id", length = 64)
    private String waId;

    @Column(name = "user_id", length = 200)
    private String userId;

    @Column(name = "type", nullable = false, length = 32)
    private String type;

    @Column(name = "text", length = 4096)
    private String text;

    @Column(name = "reply_id", length = 256)
    private String replyId;

    @Column(name = "error_code")
    private Integer errorCode;

    @Column(name = "error_title", length = 500)
    private String errorTitle;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    protected InboundMessageRecord() {
        // JPA
    }

    public InboundMessageRecord(InboundMessage m, OffsetDateTime receivedAt) {
        this.messageId = m.messageId();
        this.waId = m.waId();
        this.userId = m.userId();
        this.type = m.type();
        this.text = m.text() == null ? null : m.text().substring(0, Math.min(4096, m.text().length()));
        this.replyId = m.replyId();
        this.errorCode = m.errorCode();
        this.errorTitle = m.errorTitle() == null ? null : m.errorTitle().substring(0, Math.min(500, m.errorTitle().length()));
        this.sentAt = m.sentAt();
        this.receivedAt = receivedAt;
    }

    public Long id() {
        return id;
    }

    public String messageId() {
        return messageId;
    }

    public String waId() {
        return waId;
    }

    public String userId() {
        return userId;
    }

    public String type() {
        return type;
    }

    public String text() {
        return text;
    }

    public String replyId() {
        return replyId;
    }

    /** Meta's error code for a message it could not pass on whole (e.g. 131051, unsupported type), else null. */
    public Integer errorCode() {
        return errorCode;
    }

    public String errorTitle() {
        return errorTitle;
    }

    public OffsetDateTime receivedAt() {
        return receivedAt;
    }
}
