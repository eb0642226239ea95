package it.filodiretto.integration.assistant;

import it.filodiretto.domain.assistant.IndexedArticle;
import it.filodiretto.domain.assistant.KnowledgeIndex;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The application's knowledge index: Lucene files in {@code filodiretto.assistant.index-dir} (run.sh puts
 * them in the work directory; default: {@code filodiretto-assistant-index} under the server's instance
 * directory or the temporary directory). When that directory is locked by another server on the same
 * machine, this one keeps its index in memory — the knowledge sync rebuilds it from the database either way.
 */
@ApplicationScoped
public class KnowledgeIndexBean implements KnowledgeIndex {

    private static final Logger LOG = Logger.getLogger(KnowledgeIndexBean.class.getName());

    @Inject
    @ConfigProperty(name = "filodiretto.assistant.index-dir")
    Optional<String> indexDir;

    @Inject
    @ConfigProperty(name = "filodiretto.assistant.fuzzy", defaultValue = "true")
    boolean fuzzy;

    private LuceneKnowledgeIndex index;

    @PostConstruct
    void open() {
        Path dir = Path
                .of(indexDir.orElseGet(() -> Path.of(System.getProperty("com.sun.aas.instanceRoot", System.getProperty("java.io.tmpdir")),
                        "filodiretto-assistant-index").toString()));
        try {
            Files.createDirectories(dir);
            index = new LuceneKnowledgeIndex(FSDirectory.open(dir), fuzzy);
            LOG.info(() -> "Knowledge index in " + dir + " (" + index.size() + " articles)");
        } catch (IOException | UncheckedIOException e) {
            if (!(e instanceof LockObtainFailedException || e.getCause() instanceof LockObtainFailedException)) {
                LOG.warning(() -> "Knowledge index directory " + dir + " unusable (" + e + "); the index is kept in memory");
            } else {
                LOG.warning(() -> "Knowledge index directory " + dir + " is used by another server; this one keeps its index in memory");
            }
            Directory memory = new ByteBuffersDirectory();
            index = new LuceneKnowledgeIndex(memory, fuzzy);
        }
    }

    @PreDestroy
    void close() {
        try {
            index.close();
        } catch (IOException e) {
            LOG.warning(() -> "Knowledge index not closed cleanly: " + e);
        }
    }

    @Override
    public void put(Collection<IndexedArticle> articles, Collection<String> removedSlugs, OffsetDateTime syncedUpTo) {
        index.put(articles, removedSlugs, syncedUpTo);
    }

    @Override
    public void replaceAll(Collection<IndexedArticle> articles, OffsetDateTime syncedUpTo) {
        index.replaceAll(articles, syncedUpTo);
    }

    @Override
    public void synonyms(List<String> lines) {
        index.synonyms(lines);
    }

    @Override
    public Optional<OffsetDateTime> watermark() {
        return index.watermark();
    }

    @Override
    public int size() {
        return index.size();
    }

    @Override
    public List<Hit> search(String question, LocalDate day, int max) {
        return index.search(question, day, max);
    }
}
