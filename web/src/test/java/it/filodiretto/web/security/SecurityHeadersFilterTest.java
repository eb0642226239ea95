package it.filodiretto.web.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersFilterTest {

    @Test
    void aLogoInsideTheApplicationKeepsImagesToTheOwnOrigin() {
        assertThat(SecurityHeadersFilter.contentSecurityPolicy("/resources/images/logo.svg"))
                .contains("img-src 'self' data:;").contains("frame-ancestors 'none'");
    }

    @Test
    void anAbsoluteHttpsLogoAddsOnlyItsOriginToImages() {
        String policy = SecurityHeadersFilter.contentSecurityPolicy("https://www.comune.bustoarsizio.va.it/logo/stemma.png");

        assertThat(policy).contains("img-src 'self' data: https://www.comune.bustoarsizio.va.it;")
                .contains("script-src 'self' 'unsafe-inline' 'unsafe-eval';").contains("connect-src 'self';");
    }

    @Test
    void nothingElseWidensThePolicy() {
        for (String logo : new String[]{"http://example.org/logo.png", "https://evil.example;script-src *", "https://", null,
                "javascript:alert(1)"}) {
            assertThat(SecurityHeadersFilter.contentSecurityPolicy(logo)).as(String.valueOf(logo)).contains("img-src 'self' data:;");
        }
    }
}
