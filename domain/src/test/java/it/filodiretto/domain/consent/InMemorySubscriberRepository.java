package it.filodiretto.domain.consent;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The subscriber repository in a list, for services tested without a container. Ids are assigned on add. */
class InMemorySubscriberRepository implements SubscriberRepository {

    final List<Subscriber> subscribers = new ArrayList<>();
    final List<ConsentRecord> records = new ArrayList<>();
    /** How many lookups would have locked a row (every chat turn takes one). */
    int lockingLookups;
    private long nextId = 1;

    @Override
    public Optional<Subscriber> byWhatsApp(String waId, String userId) {
        lockingLookups++;
        if (waId != null) {
            Optional<Subscriber> found = subscribers.stream().filter(s -> waId.equals(s.waId())).findFirst()
                    .or(() -> subscribers.stream().filter(s -> ("+" + waId).equals(s.phone())).findFirst());
            if (found.isPresent()) {
                return found;
            }
        }
        return userId == null ? Optional.empty() : subscribers.stream().filter(s -> userId.equals(s.userId())).findFirst();
    }

    @Override
    public Optional<Subscriber> byId(long id) {
        return subscribers.stream().filter(s -> s.id() == id).findFirst();
    }

    @Override
    public void add(Subscriber subscriber) {
        assignId(subscriber, nextId++);
        subscribers.add(subscriber);
    }

    @Override
    public void record(ConsentRecord record) {
        assignId(record, nextId++);
        records.add(record);
    }

    @Override
    public List<ConsentRecord> history(long subscriberId) {
        return records.stream().filter(r -> r.subscriberId() == subscriberId)
                .sorted(Comparator.comparing(ConsentRecord::occurredAt).thenComparing(ConsentRecord::id)).toList();
    }

    /** What the database's sequence does: entities have no setter for their id. */
    static void assignId(Object entity, long id) {
        try {
            Field field = entity.getClass().getDeclaredField("id");
            field.setAccessible(true);
            if (Objects.isNull(field.get(entity))) {
                field.set(entity, id);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
