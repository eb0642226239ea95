package it.filodiretto.integration.sandbox;

import it.filodiretto.integration.api.CitizenAction;
import it.filodiretto.integration.api.FaultSettings;
import it.filodiretto.integration.api.GraphAnswer;
import it.filodiretto.integration.api.Sandbox;
import it.filodiretto.integration.api.SandboxMessage;
import it.filodiretto.integration.whatsapp.WhatsAppSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.List;

/** The sandbox behind its published interface. */
@ApplicationScoped
public class SandboxService implements Sandbox {

    @Inject
    WhatsAppSettings settings;

    @Inject
    SandboxGraph graph;

    @Inject
    SandboxStore store;

    @Inject
    CitizenSimulator citizen;

    @Inject
    SandboxFaults faults;

    @Inject
    SandboxBench bench;

    @Inject
    StatusReporter statuses;

    @Override
    public int seedSubscribers(int count, String topic) {
        return bench.seedSubscribers(count, topic);
    }

    @Inject
    SandboxAuditLoad auditLoad;

    @Override
    public jakarta.json.JsonObject auditLoad(int events, int writers) {
        try {
            return auditLoad.run(events, writers);
        } catch (Exception e) {
            throw new IllegalStateException("audit load failed", e);
        }
    }

    @Override
    public jakarta.json.JsonObject report(String token) {
        return bench.report(token);
    }

    @Override
    public boolean enabled() {
        return settings.isSandbox();
    }

    @Override
    public GraphAnswer send(String authorization, JsonObject payload, boolean marketing) {
        return graph.send(authorization, payload, marketing);
    }

    @Override
    public GraphAnswer templates(String authorization) {
        return graph.templates(authorization);
    }

    @Override
    public int pendingStatuses(String phone) {
        return statuses.pending(phone.substring(1));
    }

    @Override
    public List<SandboxMessage> sentTo(String phone) {
        return store.sentTo(phone);
    }

    @Override
    public List<SandboxMessage> conversation(String phone) {
        return store.conversation(phone, 200);
    }

    @Override
    public List<String> numbers() {
        return store.numbers(20);
    }

    @Override
    public int act(CitizenAction action) {
        return citizen.act(action);
    }

    @Override
    public FaultSettings faults() {
        return faults.get();
    }

    @Override
    public FaultSettings faults(FaultSettings requested) {
        return faults.set(requested);
    }

    @Override
    public long requests() {
        return faults.requests();
    }
}
