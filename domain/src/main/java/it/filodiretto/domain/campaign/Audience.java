package it.filodiretto.domain.campaign;

import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.domain.whatsapp.MessageCategory;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who receives a campaign: active subscribers whose consent is in force (no overdue re-confirmation), who
 * chose at least one of its topics, who follow one of its neighbourhoods or the whole city (no
 * neighbourhood chosen) when it targets neighbourhoods, and — for a marketing template — who did not opt
 * out of marketing. Erased and unsubscribed numbers are never in it. The same rule counts the audience
 * and drives the fan-out.
 */
@Stateless
public class Audience {

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    TimeSource time;

    /** A SQL condition over {@code subscriber s} and its positional parameters, in order. */
    record Rule(String where, List<Object> parameters) {
    }

    static Rule rule(Set<String> topics, Set<String> neighbourhoods, MessageCategory category, OffsetDateTime now) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder("s.state = 'ACTIVE' and (s.reconsent_due_by is null or s.reconsent_due_by > ?)");
        parameters.add(now);
        where.append(" and (");
        List<String> topicList = List.copyOf(topics);
        for (int i = 0; i < topicList.size(); i++) {
            where.append(i == 0 ? "" : " or ").append("(',' || s.topics || ',') like ?");
            parameters.add("%," + topicList.get(i) + ",%");
        }
        where.append(topicList.isEmpty() ? "1 = 0)" : ")");
        if (!neighbourhoods.isEmpty()) {
            where.append(" and (s.neighbourhoods = ''");
            for (String n : neighbourhoods) {
                where.append(" or (',' || s.neighbourhoods || ',') like ?");
                parameters.add("%," + n + ",%");
            }
            where.append(")");
        }
        if (category == MessageCategory.MARKETING) {
            where.append(" and s.marketing_opt_out = false");
        }
        return new Rule(where.toString(), parameters);
    }

    public long count(Set<String> topics, Set<String> neighbourhoods, MessageCategory category) {
        Rule rule = rule(topics, neighbourhoods, category, time.now());
        Query query = em.createNativeQuery("select count(*) from subscriber s where " + rule.where());
        bind(query, rule.parameters(), 1);
        return ((Number) query.getSingleResult()).longValue();
    }

    static int bind(Query query, List<Object> parameters, int first) {
        int position = first;
        for (Object p : parameters) {
            query.setParameter(position++, p);
        }
        return position;
    }
}
