package it.filodiretto.integration.system;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Creates the gauges when the application starts, so they exist before the first scrape. A startup
 * singleton, not a CDI {@code @Initialized} observer: on Payara Server the observer runs before the web
 * module's environment (its data source) can be looked up, and the EAR failed to deploy.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class MetricsStartup {

    @Inject
    ChannelGauges gauges;

    @PostConstruct
    void start() {
        gauges.rateCeiling(); // the first call creates the bean, which registers its gauges
    }
}
