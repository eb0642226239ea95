package it.filodiretto.domain.consent;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The list of commands: the answer to AIUTO, to a tap the channel cannot place, and to every other message
 * when the assistant is switched off ({@code filodiretto.assistant.enabled=false}).
 */
@Dependent
public class ChatHelp {

    @Inject
    ChatSender sender;

    @Inject
    @ConfigProperty(name = "filodiretto.city.name", defaultValue = "Comune")
    String cityName;

    void sendHelp(String to) {
        sender.sendText(to, "help.text", cityName);
    }
}
