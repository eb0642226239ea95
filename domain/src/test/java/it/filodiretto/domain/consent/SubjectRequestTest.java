package it.filodiretto.domain.consent;

import it.filodiretto.domain.common.Refusals;

import it.filodiretto.domain.common.DomainException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubjectRequestTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 10, 9, 0, 0, 0, ZoneOffset.UTC);

    private static SubjectRequest received(LocalDate on) {
        return new SubjectRequest(7, SubjectRequest.Kind.ACCESS, SubjectRequest.Channel.OPERATOR, on, null, "letter", "po", NOW);
    }

    @Test
    void theDeadlineIsOneMonthFromReceipt() {
        assertThat(received(LocalDate.of(2026, 3, 10)).dueOn()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(received(LocalDate.of(2026, 1, 31)).dueOn()).as("no 31 February").isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void overdueOnlyWhileOpenAndAfterTheDeadline() {
        SubjectRequest request = received(LocalDate.of(2026, 1, 5));
        assertThat(request.daysLeft(LocalDate.of(2026, 2, 1))).isEqualTo(4);
        assertThat(request.isOverdue(LocalDate.of(2026, 2, 5))).isFalse();
        assertThat(request.isOverdue(LocalDate.of(2026, 2, 6))).isTrue();
        request.complete("po", "sent by post", NOW);
        assertThat(request.isOverdue(LocalDate.of(2026, 2, 6))).isFalse();
        assertThat(request.note()).isEqualTo("letter\nsent by post");
    }

    @Test
    void aClosedRequestCannotBeClosedAgainAndARejectionNeedsAReason() {
        SubjectRequest request = received(LocalDate.of(2026, 3, 1));
        assertThatThrownBy(() -> request.reject("po", " ", NOW)).isInstanceOf(DomainException.class)
                .satisfies(Refusals.code("reason_required"));
        request.reject("po", "not the data subject", NOW);
        assertThat(request.state()).isEqualTo(SubjectRequest.State.REJECTED);
        assertThatThrownBy(() -> request.complete("po", null, NOW)).isInstanceOf(DomainException.class)
                .satisfies(Refusals.code("request_closed"));
    }
}
