package it.filodiretto.integration.messaging;

import jakarta.ejb.Singleton;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.AdministeredObjectDefinitions;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The application's JMS resources, served by the ActiveMQ resource adapter ({@value #RESOURCE_ADAPTER}),
 * which the server must have deployed under that name: an embedded broker on Payara Micro, an external
 * broker in production (docs/deploy-payara-server.md). The definitions sit on an EJB because the server
 * reads them from EJBs in every packaging (WAR and EAR).
 */
@Singleton
@ConnectionFactoryDefinition(name = MessagingResources.CONNECTION_FACTORY, interfaceName = "jakarta.jms.ConnectionFactory", resourceAdapter = MessagingResources.RESOURCE_ADAPTER, transactionSupport = TransactionSupportLevel.XATransaction, minPoolSize = 1, maxPoolSize = 64)
@AdministeredObjectDefinitions({
        @AdministeredObjectDefinition(name = MessagingResources.PING_QUEUE, interfaceName = "jakarta.jms.Queue", className = "org.apache.activemq.command.ActiveMQQueue", resourceAdapter = MessagingResources.RESOURCE_ADAPTER, properties = "PhysicalName="
                + MessagingResources.PING_QUEUE_NAME),
        @AdministeredObjectDefinition(name = MessagingResources.WEBHOOK_QUEUE, interfaceName = "jakarta.jms.Queue", className = "org.apache.activemq.command.ActiveMQQueue", resourceAdapter = MessagingResources.RESOURCE_ADAPTER, properties = "PhysicalName="
                + MessagingResources.WEBHOOK_QUEUE_NAME),
        @AdministeredObjectDefinition(name = MessagingResources.DELIVERY_QUEUE, interfaceName = "jakarta.jms.Queue", className = "org.apache.activemq.command.ActiveMQQueue", resourceAdapter = MessagingResources.RESOURCE_ADAPTER, properties = "PhysicalName="
                + MessagingResources.DELIVERY_QUEUE_NAME),
        @AdministeredObjectDefinition(name = MessagingResources.EMERGENCY_QUEUE, interfaceName = "jakarta.jms.Queue", className = "org.apache.activemq.command.ActiveMQQueue", resourceAdapter = MessagingResources.RESOURCE_ADAPTER, properties = "PhysicalName="
                + MessagingResources.EMERGENCY_QUEUE_NAME),
        @AdministeredObjectDefinition(name = MessagingResources.REPLY_QUEUE, interfaceName = "jakarta.jms.Queue", className = "org.apache.activemq.command.ActiveMQQueue", resourceAdapter = MessagingResources.RESOURCE_ADAPTER, properties = "PhysicalName="
                + MessagingResources.REPLY_QUEUE_NAME)
})
public class MessagingResources {

    public static final String RESOURCE_ADAPTER = ResourceAdapterName.VALUE;
    public static final String CONNECTION_FACTORY = "java:app/jms/FiloDirettoConnectionFactory";
    public static final String PING_QUEUE = "java:app/jms/SystemPingQueue";
    public static final String PING_QUEUE_NAME = "filodiretto.system.ping";
    public static final String WEBHOOK_QUEUE = "java:app/jms/WebhookQueue";
    public static final String WEBHOOK_QUEUE_NAME = "filodiretto.whatsapp.webhook";
    public static final String DELIVERY_QUEUE = "java:app/jms/DeliveryQueue";
    public static final String DELIVERY_QUEUE_NAME = "filodiretto.dispatch.deliveries";
    public static final String EMERGENCY_QUEUE = "java:app/jms/EmergencyDeliveryQueue";
    public static final String EMERGENCY_QUEUE_NAME = "filodiretto.dispatch.emergency";
    public static final String REPLY_QUEUE = "java:app/jms/ReplyQueue";
    public static final String REPLY_QUEUE_NAME = "filodiretto.whatsapp.replies";
}
