package it.filodiretto.domain.whatsapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A status webhook as recorded, once per (wamid, status). */
@Entity
@Table(name = "message_status")
public class StatusRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_status_seq")
    @SequenceGenerator(name = "message_status_seq", sequenceName = "message_status_seq", allocationSize = 50)
    private Long id;

    @Column(name = "wamid", nullable = false, length = 200)
    private String wamid;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;

    @Column(name = "error_code")
    private Integer errorCode;

    @Column(name = "error_title", length = 500)
    private String errorTitle;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    protected StatusRecord() {
        // JPA
    }

    public StatusRecord(StatusUpdate s, OffsetDateTime receivedAt) {
        this.wamid = s.wamid();
        this.status = s.status();
        this.occurredAt = s.occurredAt();
        this.errorCode = s.errorCode();
        this.errorTitle = s.errorTitle() == null ? null : s.errorTitle().substring(0, Math.min(500, s.errorTitle().length()));
        this.receivedAt = receivedAt;
    }

    public String wamid() {
        return wamid;
    }

    public String status() {
        return status;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

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
