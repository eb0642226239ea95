package it.filodiretto.domain.assistant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;

/** The staff's synonym list (one row): groups in Solr format, one per line. */
@Entity
@Table(name = "assistant_synonyms")
public class AssistantSynonyms {

    static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "lines", nullable = false)
    private String lines;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected AssistantSynonyms() {
        // JPA
    }

    AssistantSynonyms(List<String> lines, String editor, OffsetDateTime now) {
        this.id = ID;
        replace(lines, editor, now);
    }

    void replace(List<String> lines, String editor, OffsetDateTime now) {
        this.lines = String.join("\n", lines);
        this.updatedBy = editor;
        this.updatedAt = now;
    }

    List<String> lines() {
        return lines.isEmpty() ? List.of() : List.of(lines.split("\n"));
    }
}
