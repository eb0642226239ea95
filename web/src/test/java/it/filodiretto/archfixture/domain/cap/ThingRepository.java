package it.filodiretto.archfixture.domain.cap;

/** Breaks: a repository port that speaks JPA. */
public interface ThingRepository {

    jakarta.persistence.EntityManager entityManager();
}
