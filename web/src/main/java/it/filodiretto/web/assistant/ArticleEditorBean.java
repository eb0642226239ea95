package it.filodiretto.web.assistant;

import it.filodiretto.domain.assistant.Article;
import it.filodiretto.domain.assistant.ArticleDraft;
import it.filodiretto.domain.assistant.KnowledgeBase;
import it.filodiretto.web.console.FacesFeedback;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Writes a new article or edits one ({@code ?id=}); the slug is fixed once the article exists. */
@Named
@ViewScoped
public class ArticleEditorBean implements Serializable {

    @Inject
    transient KnowledgeBase knowledge;

    @Inject
    transient FacesFeedback feedback;

    private Long id;
    private long version;
    private String slug;
    private String title;
    private String text;
    private String link;
    private String office;
    private String tags;
    private String language = "it";
    private LocalDate validFrom;
    private LocalDate validUntil;
    private Article.State state;

    /** f:viewAction: loads the article of {@code ?id=}, if any. */
    public void load() {
        if (id == null || FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        try {
            Article a = knowledge.article(id);
            version = a.version();
            slug = a.slug();
            title = a.title();
            text = a.text();
            link = a.link();
            office = a.office();
            tags = a.tags();
            language = a.language();
            validFrom = a.validFrom();
            validUntil = a.validUntil();
            state = a.state();
        } catch (RuntimeException e) {
            feedback.failure(e);
            id = null;
        }
    }

    public String save() {
        try {
            Set<String> tagSet = tags == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(tags.split(",")));
            ArticleDraft draft = new ArticleDraft(slug, title, text, link, office, tagSet, language, validFrom, validUntil);
            String user = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
            Article saved = id == null ? knowledge.create(draft, user) : knowledge.update(id, version, draft, user);
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            feedback.info("article.saved", saved.title());
            return "/console/assistant/knowledge/articles?faces-redirect=true";
        } catch (RuntimeException e) {
            feedback.failure(e);
            return null;
        }
    }

    public boolean isExisting() {
        return id != null;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getLink() {
        return link;
    }

    public void setLink(String link) {
        this.link = link;
    }

    public String getOffice() {
        return office;
    }

    public void setOffice(String office) {
        this.office = office;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(LocalDate validUntil) {
        this.validUntil = validUntil;
    }

    public Article.State getState() {
        return state;
    }
}
