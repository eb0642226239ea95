package it.filodiretto.web.assistant;

import it.filodiretto.domain.assistant.KnowledgeBase;
import it.filodiretto.integration.api.ArticleFiles;
import it.filodiretto.web.console.FacesFeedback;
import it.filodiretto.web.i18n.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk import (JSON, CSV, Markdown or HTML pages, a ZIP of a folder of pages) and the synonym list. Files
 * are collected first, checked together, and imported only when none has a problem.
 */
@Named
@ViewScoped
public class KnowledgeImportBean implements Serializable {

    @Inject
    transient KnowledgeBase knowledge;

    @Inject
    transient FacesFeedback feedback;

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private String synonyms;

    @PostConstruct
    void init() {
        synonyms = String.join("\n", knowledge.synonyms());
    }

    public void upload(FileUploadEvent event) {
        long chosen = files.values().stream().mapToLong(b -> b.length).sum();
        if (chosen + event.getFile().getSize() > ArticleFiles.MAX_BYTES) { // one import's budget, whatever the number of files
            feedback.error("error.import.tooLarge", ArticleFiles.MAX_BYTES / (1024 * 1024));
            return;
        }
        files.put(event.getFile().getFileName(), event.getFile().getContent());
    }

    public void importFiles() {
        problems.clear();
        if (files.isEmpty()) {
            feedback.error("import.noFiles");
            return;
        }
        ArticleFiles.Contents contents = ArticleFiles.read(files);
        if (!contents.problems().isEmpty()) {
            var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
            for (ArticleFiles.Problem p : contents.problems()) {
                problems.add(Texts.text(locale, "import.problem", p.file(), p.line(),
                        Texts.text(locale, p.messageKey(), p.arguments().toArray())));
            }
            feedback.error("import.refused", contents.problems().size());
            return;
        }
        try {
            KnowledgeBase.ImportResult r = knowledge.importAll(contents.articles(), contents.synonyms(), user());
            feedback.info("import.done", r.created(), r.updated(), r.unchanged(), r.synonymLines());
            files.clear();
            if (r.synonymLines() > 0) {
                synonyms = String.join("\n", knowledge.synonyms());
            }
        } catch (RuntimeException e) {
            feedback.failure(e);
        }
    }

    public void clear() {
        files.clear();
        problems.clear();
    }

    public void saveSynonyms() {
        try {
            int lines = knowledge.saveSynonyms(synonyms == null ? List.of() : synonyms.lines().toList(), user());
            feedback.info("synonyms.saved", lines);
        } catch (RuntimeException e) {
            feedback.failure(e);
        }
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public List<String> getFileNames() {
        return List.copyOf(files.keySet());
    }

    public List<String> getProblems() {
        return problems;
    }

    public String getSynonyms() {
        return synonyms;
    }

    public void setSynonyms(String synonyms) {
        this.synonyms = synonyms;
    }
}
