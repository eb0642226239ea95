import org.apache.activemq.broker.BrokerService;

/**
 * A standalone ActiveMQ broker for the two-instance test (the "external broker" of a production cluster),
 * run from the jars of the ActiveMQ resource adapter: java -cp 'lib/*' .ci/ExternalBroker.java URL DATA_DIR
 */
public class ExternalBroker {
    public static void main(String[] args) throws Exception {
        BrokerService broker = new BrokerService();
        broker.setBrokerName("filodiretto-external");
        broker.setDataDirectory(args[1]);
        broker.setPersistent(true);
        broker.setUseJmx(false);
        broker.setUseShutdownHook(true);
        broker.addConnector(args[0]);
        broker.start();
        System.out.println("broker started on " + args[0]);
        broker.waitUntilStopped();
    }
}
