package it.filodiretto.archfixture.domain.cap;

/** Breaks: a repository port implemented by a class not named Jpa*. */
public class ThingStore implements ThingRepository {

    @Override
    public jakarta.persistence.EntityManager entityManager() {
        return null;
    }
}
