package it.filodiretto.domain.staff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedCredentialsTest {

    @Test
    void onlyTheSameCredentialsAgainstTheSameStoredHashAreTakenAsVerified() {
        VerifiedCredentials recent = new VerifiedCredentials();
        assertThat(recent.matches("anna", "Una-password-1", "hash-1")).isFalse();
        recent.remember("anna", "Una-password-1", "hash-1");
        assertThat(recent.matches("anna", "Una-password-1", "hash-1")).isTrue();
        assertThat(recent.matches("anna", "Una-password-2", "hash-1")).as("another password").isFalse();
        assertThat(recent.matches("bruno", "Una-password-1", "hash-1")).as("another user").isFalse();
        assertThat(recent.matches("anna", "Una-password-1", "hash-2")).as("the password was changed since").isFalse();
        assertThat(recent.matches("ann", "aUna-password-1", "hash-1")).as("no ambiguity between user and password").isFalse();
    }
}
