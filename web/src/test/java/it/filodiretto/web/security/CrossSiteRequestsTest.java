package it.filodiretto.web.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CrossSiteRequestsTest {

    @Test
    void whatAHostilePageCanSendWithoutPreflightIsRefusedOnStateChangingCalls() {
        for (String method : new String[]{"POST", "PUT", "PATCH", "DELETE", "post"}) {
            assertThat(CrossSiteRequests.refusal(method, "text/plain;charset=UTF-8", null)).as(method).contains("text/plain");
            assertThat(CrossSiteRequests.refusal(method, "application/x-www-form-urlencoded", null)).as(method).isPresent();
            assertThat(CrossSiteRequests.refusal(method, "multipart/form-data; boundary=x", null)).as(method).isPresent();
            assertThat(CrossSiteRequests.refusal(method, null, null)).as(method).contains("missing");
        }
    }

    @Test
    void jsonUploadsOrTheCustomHeaderPass() {
        assertThat(CrossSiteRequests.refusal("POST", "application/json; charset=UTF-8", null)).isEmpty();
        assertThat(CrossSiteRequests.refusal("PUT", "Application/JSON", null)).isEmpty();
        assertThat(CrossSiteRequests.refusal("POST", "application/merge-patch+json", null)).isEmpty();
        assertThat(CrossSiteRequests.refusal("POST", "text/csv", null)).as("knowledge import").isEmpty();
        assertThat(CrossSiteRequests.refusal("POST", "application/zip", null)).isEmpty();
        assertThat(CrossSiteRequests.refusal("DELETE", null, "script")).isEmpty();
    }

    @Test
    void readsAreNotConcerned() {
        assertThat(CrossSiteRequests.refusal("GET", null, null)).isEmpty();
        assertThat(CrossSiteRequests.refusal("HEAD", "text/plain", null)).isEmpty();
        assertThat(CrossSiteRequests.refusal("OPTIONS", null, null)).isEmpty();
    }
}
