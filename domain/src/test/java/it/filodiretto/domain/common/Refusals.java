package it.filodiretto.domain.common;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on a refusal of the domain: {@code assertThatThrownBy(…).satisfies(Refusals.code("not_editable"))}. */
public final class Refusals {

    private Refusals() {
    }

    public static Consumer<Throwable> code(String code) {
        return e -> assertThat(e).isInstanceOfSatisfying(DomainException.class, d -> assertThat(d.code()).isEqualTo(code));
    }

    public static Consumer<Throwable> kind(DomainException.Kind kind) {
        return e -> assertThat(e).isInstanceOfSatisfying(DomainException.class, d -> assertThat(d.kind()).isEqualTo(kind));
    }

    public static Consumer<Throwable> messageKey(String key) {
        return e -> assertThat(e).isInstanceOfSatisfying(DomainException.class, d -> assertThat(d.messageKey()).isEqualTo(key));
    }
}
