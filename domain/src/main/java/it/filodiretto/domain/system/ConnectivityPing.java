package it.filodiretto.domain.system;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A message sent through the broker to prove, end to end, that asynchronous processing works. */
@Entity
@Table(name = "system_ping")
public class ConnectivityPing {

    @Id
    @Column(name = "token", length = 64)
    private String token;

    @Column(name = "sent_at", nullable = false)
    private OffsetDateTime sentAt;

    @Column(name = "received_at")
    private OffsetDateTime receivedAt;

    @Column(name = "deliveries", nullable = false)
    private int deliveries;

    protected ConnectivityPing() {
        // JPA
    }

    public ConnectivityPing(String token, OffsetDateTime sentAt) {
        this.token = token;
        this.sentAt = sentAt;
    }

    void markReceived(OffsetDateTime now) {
        if (receivedAt == null) {
            receivedAt = now;
        }
        deliveries++;
    }

    public String token() {
        return token;
    }

    public OffsetDateTime sentAt() {
        return sentAt;
    }

    public OffsetDateTime receivedAt() {
        return receivedAt;
    }

    public int deliveries() {
        return deliveries;
    }
}
