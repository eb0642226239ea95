package it.filodiretto.domain.campaign;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Port: the campaigns and their append-only history (JPA in {@link JpaCampaignRepository}). */
public interface CampaignRepository {

    Optional<Campaign> byId(long id);

    /** Adds a new campaign; its id is assigned at once. */
    void add(Campaign campaign);

    /** Writes the pending changes now, so that a concurrent edit fails here (the version check) and not at commit. */
    void flush();

    /** Appends an event to a campaign's history. */
    void record(CampaignEvent event);

    /** A campaign's history, oldest first. */
    List<CampaignEvent> history(long campaignId);

    /** The last {@code max} events of one kind, newest first. */
    List<CampaignEvent> lastEvents(long campaignId, CampaignEvent.Kind kind, int max);

    List<Campaign> page(CampaignFilter filter, int first, int max);

    long count(CampaignFilter filter);

    /** Campaigns scheduled or started in [from, to), by scheduled time. */
    List<Campaign> between(OffsetDateTime from, OffsetDateTime to);

    /** Emergency alerts sent and not yet reviewed afterwards, oldest first. */
    List<Campaign> awaitingPostHocReview();
}
