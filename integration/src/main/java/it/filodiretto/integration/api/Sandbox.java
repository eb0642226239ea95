package it.filodiretto.integration.api;

import it.filodiretto.integration.sandbox.CitizenSimulator;
import it.filodiretto.integration.sandbox.SandboxFaults;
import it.filodiretto.integration.sandbox.SandboxGraph;
import it.filodiretto.integration.sandbox.SandboxStore;
import it.filodiretto.integration.whatsapp.WhatsAppSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.List;

/**
 * The sandbox gateway as the web module's {@code /sandbox} endpoints use it: the simulated Cloud API, the
 * inspection of what each number received, citizen simulation and fault injection. Everything answers as
 * if the sandbox did not exist when it is off.
 */
@ApplicationScoped
public class Sandbox {

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

    public boolean enabled() {
        return settings.isSandbox();
    }

    public GraphAnswer send(String authorization, JsonObject payload, boolean marketing) {
        return graph.send(authorization, payload, marketing);
    }

    public List<SandboxMessage> sentTo(String phone) {
        return store.sentTo(phone);
    }

    public List<SandboxMessage> conversation(String phone) {
        return store.conversation(phone, 200);
    }

    public List<String> numbers() {
        return store.numbers(20);
    }

    public int act(CitizenAction action) {
        return citizen.act(action);
    }

    public FaultSettings faults() {
        return faults.get();
    }

    public FaultSettings faults(FaultSettings requested) {
        return faults.set(requested);
    }

    public long requests() {
        return faults.requests();
    }
}
