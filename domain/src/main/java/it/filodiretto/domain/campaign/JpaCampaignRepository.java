package it.filodiretto.domain.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link CampaignRepository} on JPA, in the caller's transaction. */
@ApplicationScoped
public class JpaCampaignRepository implements CampaignRepository {

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Override
    public Optional<Campaign> byId(long id) {
        return Optional.ofNullable(em.find(Campaign.class, id));
    }

    @Override
    public void add(Campaign campaign) {
        em.persist(campaign);
        em.flush();
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public void record(CampaignEvent event) {
        em.persist(event);
    }

    @Override
    public List<CampaignEvent> history(long campaignId) {
        return em.createQuery("select e from CampaignEvent e where e.campaignId = :c order by e.id", CampaignEvent.class)
                .setParameter("c", campaignId).getResultList();
    }

    @Override
    public List<CampaignEvent> lastEvents(long campaignId, CampaignEvent.Kind kind, int max) {
        return em
                .createQuery("select e from CampaignEvent e where e.campaignId = :c and e.kind = :k order by e.id desc",
                        CampaignEvent.class)
                .setParameter("c", campaignId).setParameter("k", kind).setMaxResults(max).getResultList();
    }

    @Override
    public List<Campaign> page(CampaignFilter filter, int first, int max) {
        Map<String, Object> parameters = new HashMap<>();
        TypedQuery<Campaign> query = em.createQuery("select c from Campaign c" + filter.where(parameters) + " order by c.id desc",
                Campaign.class);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Override
    public long count(CampaignFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        TypedQuery<Long> query = em.createQuery("select count(c) from Campaign c" + filter.where(parameters), Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    @Override
    public List<Campaign> between(OffsetDateTime from, OffsetDateTime to) {
        return em.createQuery(
                "select c from Campaign c where (c.scheduledAt >= :f and c.scheduledAt < :t) or (c.startedAt >= :f and c.startedAt < :t)"
                        + " order by c.scheduledAt",
                Campaign.class).setParameter("f", from).setParameter("t", to).getResultList();
    }

    @Override
    public List<Campaign> awaitingPostHocReview() {
        return em.createQuery(
                "select c from Campaign c where c.priority = :e and c.postHocReviewedAt is null and c.startedAt is not null order by c.id",
                Campaign.class).setParameter("e", Priority.EMERGENCY).getResultList();
    }
}
