package it.filodiretto.integration.assistant;

import it.filodiretto.domain.assistant.KnowledgeBase;
import it.filodiretto.integration.api.ArticleFiles;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * When {@code filodiretto.assistant.seed-file} names a knowledge-base file and the knowledge base is empty,
 * imports it at start (run.sh loads the sample knowledge base this way, so the demo answers at once).
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KnowledgeSeed {

    private static final Logger LOG = Logger.getLogger(KnowledgeSeed.class.getName());

    @Inject
    KnowledgeBase knowledge;

    @Inject
    @ConfigProperty(name = "filodiretto.assistant.seed-file")
    Optional<String> seedFile;

    @PostConstruct
    void seed() {
        if (seedFile.filter(s -> !s.isBlank()).isEmpty() || knowledge.count(null, null) > 0) {
            return;
        }
        Path file = Path.of(seedFile.get());
        try {
            ArticleFiles.Contents contents = ArticleFiles.read(file.getFileName().toString(), Files.readAllBytes(file));
            if (!contents.problems().isEmpty()) {
                LOG.warning(() -> "Knowledge seed " + file + " not imported: " + contents.problems());
                return;
            }
            KnowledgeBase.ImportResult r = knowledge.importAll(contents.articles(), contents.synonyms(), "system");
            LOG.info(() -> "Knowledge base seeded from " + file + ": " + r.created() + " articles, " + r.synonymLines() + " synonym lines");
        } catch (IOException e) {
            LOG.warning(() -> "Knowledge seed " + file + " unreadable: " + e);
        }
    }
}
