package it.filodiretto.web.console;

import it.filodiretto.domain.common.DomainException;
import jakarta.persistence.OptimisticLockException;

/** Finds the domain's refusal inside whatever wrapping the container added. */
public final class DomainExceptions {

    private DomainExceptions() {
    }

    public static DomainException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DomainException domain) {
                return domain;
            }
        }
        return null;
    }

    public static boolean isConcurrentChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }
}
