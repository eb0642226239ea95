package it.filodiretto.integration.api;

import jakarta.json.JsonObject;

import java.util.List;

/**
 * The sandbox gateway as the web module's {@code /sandbox} endpoints use it: the simulated Cloud API, the
 * inspection of what each number received, citizen simulation and fault injection. Implemented by the
 * sandbox package; when the sandbox is off, {@link #enabled()} is false and the endpoints answer 404.
 */
public interface Sandbox {

    boolean enabled();

    GraphAnswer send(String authorization, JsonObject payload, boolean marketing);

    /** The account's templates as the Graph API lists them: those declared in the console (Meta's side in the sandbox). */
    GraphAnswer templates(String authorization);

    List<SandboxMessage> sentTo(String phone);

    List<SandboxMessage> conversation(String phone);

    List<String> numbers();

    /** Status webhooks about messages to this number not yet answered 200 by the application (due or being posted). */
    int pendingStatuses(String phone);

    /** @return the HTTP status the application's webhook answered */
    int act(CitizenAction action);

    FaultSettings faults();

    FaultSettings faults(FaultSettings requested);

    /** Send requests received since start. */
    long requests();

    /** Benchmarks: that many active subscribers of a topic at once. */
    int seedSubscribers(int count, String topic);

    /** Benchmarks: {@code events} audit appends by {@code writers} concurrent writers, then the chain verified. */
    jakarta.json.JsonObject auditLoad(int events, int writers);

    /** Benchmarks: what was delivered for the campaign whose text holds {@code token}. */
    jakarta.json.JsonObject report(String token);
}
