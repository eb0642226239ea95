package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.whatsapp.ErrorClass;
import it.filodiretto.domain.whatsapp.MessageCategory;
import it.filodiretto.domain.whatsapp.OutboundMessage;
import jakarta.json.JsonObject;
import it.filodiretto.domain.whatsapp.SendResult;
import it.filodiretto.domain.whatsapp.WhatsAppGateway;
import it.filodiretto.domain.common.PhoneMask;
import jakarta.enterprise.context.ApplicationScoped;
import it.filodiretto.domain.common.Correlation;
import it.filodiretto.integration.system.ChannelMetrics;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.util.logging.Level;
import java.util.logging.Logger;

/** The domain's gateway over the Cloud API: builds the payload, sends, and turns every outcome into a result. */
@ApplicationScoped
public class CloudApiGateway implements WhatsAppGateway {

    private static final Logger LOG = Logger.getLogger(CloudApiGateway.class.getName());

    @Inject
    CloudApiSender sender;

    @Inject
    ChannelMetrics metrics;

    @Override
    public SendResult send(OutboundMessage message, MessageCategory category) {
        return send(Payloads.of(message), message.to(), category == MessageCategory.MARKETING);
    }

    /** Sends a Cloud API payload already built (a queued reply) to {@code to}. */
    public SendResult send(JsonObject payload, String to, boolean marketing) {
        try {
            String wamid = sender.send(payload, marketing);
            LOG.fine(() -> "sent to " + PhoneMask.mask(to) + ": " + wamid + Correlation.tag());
            metrics.sent();
            return new SendResult.Accepted(wamid);
        } catch (ApiError e) {
            LOG.log(e.errorClass() == ErrorClass.PERMANENT ? Level.INFO : Level.WARNING, () -> "not sent to "
                    + PhoneMask.mask(to) + ": " + e.errorClass() + " code " + e.code() + " (HTTP " + e.httpStatus() + ")"
                    + Correlation.tag());
            metrics.refused(String.valueOf(e.code()));
            return new SendResult.Refused(e.errorClass(), e.httpStatus(), e.code(), e.getMessage());
        } catch (CircuitBreakerOpenException e) {
            metrics.refused("circuit-open");
            return new SendResult.Refused(ErrorClass.TRANSIENT, 0, 0, "circuit open: the API failed repeatedly");
        } catch (BulkheadException e) {
            metrics.refused("bulkhead");
            return new SendResult.Refused(ErrorClass.TRANSIENT, 0, 0, "too many concurrent calls");
        } catch (TimeoutException e) {
            metrics.refused("timeout");
            // the request went out and no answer came in time: the API may have accepted it
            return SendResult.Refused.answerLost("timeout: no answer in time, the message may have been accepted");
        }
    }
}
