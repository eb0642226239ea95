package it.filodiretto.web.assistant;

import it.filodiretto.domain.assistant.AnswerEngine;
import it.filodiretto.domain.assistant.Article;
import it.filodiretto.domain.assistant.Assistant;
import it.filodiretto.domain.assistant.KnowledgeBase;
import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.web.console.FacesFeedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The knowledge base page: articles found by title, slug or tag and state, archive and restore, and a tester
 * that asks the assistant a question exactly as the chat would (nothing is sent or recorded).
 */
@Named
@ViewScoped
public class ArticlesBean implements Serializable {

    @Inject
    transient KnowledgeBase knowledge;

    @Inject
    transient Assistant assistant;

    @Inject
    transient TimeSource time;

    @Inject
    transient FacesFeedback feedback;

    private String text;
    private Article.State state = Article.State.PUBLISHED;
    private String question;
    private transient AnswerEngine.Answer answer;

    private final LazyDataModel<Article> model = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return knowledge.count(text, state);
        }

        @Override
        public List<Article> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return knowledge.list(text, state, first, pageSize);
        }

        @Override
        public String getRowKey(Article a) {
            return a.id().toString();
        }

        @Override
        public Article getRowData(String rowKey) {
            return knowledge.article(Long.parseLong(rowKey));
        }
    };

    @PostConstruct
    void init() {
        // the model loads lazily
    }

    public void archive(Article article) {
        try {
            knowledge.archive(article.id(), user());
            feedback.info("articles.archived", article.title());
        } catch (RuntimeException e) {
            feedback.failure(e);
        }
    }

    public void restore(Article article) {
        try {
            knowledge.restore(article.id(), user());
            feedback.info("articles.restored", article.title());
        } catch (RuntimeException e) {
            feedback.failure(e);
        }
    }

    public void ask() {
        if (question == null || question.isBlank()) {
            feedback.error("articles.questionRequired");
            return;
        }
        try {
            answer = assistant.engine().answer(question, time.now().toLocalDate(), true);
        } catch (RuntimeException e) {
            feedback.failure(e);
        }
    }

    public boolean usable(Article a) {
        return a.isUsableOn(time.now().toLocalDate());
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public LazyDataModel<Article> getModel() {
        return model;
    }

    public Article.State[] getStates() {
        return Article.State.values();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Article.State getState() {
        return state;
    }

    public void setState(Article.State state) {
        this.state = state;
    }

    public String getQuestion() {
        return question;
    }

    public void setQuestion(String question) {
        this.question = question;
    }

    public AnswerEngine.Answer getAnswer() {
        return answer;
    }
}
