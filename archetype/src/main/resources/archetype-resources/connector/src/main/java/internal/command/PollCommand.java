package ${package}.internal.command;

import ${package}.internal.ConnectorNames;
import ${package}.internal.transport.FeedComponent;
import ${package}.internal.transport.Feeds;
import ${package}.internal.transport.PollResult;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/**
 * {@code holdfast:${connectorName}-poll <feed>}: polls a feed now and prints what the poll did. A failure is an
 * exception with one line (Karaf prints it and the command exits non-zero); the logic lives in the feed, not here.
 */
@Command(scope = "holdfast", name = ConnectorNames.CONNECTOR + "-poll",
        description = "Polls a ${connectorName} feed now and prints how many messages it listed, accepted, found duplicate or rejected")
@Service
public class PollCommand implements Action {

    @Argument(index = 0, name = "feed", required = true, description = "Feed name (the name key of its configuration)")
    String feed;

    @Reference
    Feeds feeds;

    @Override
    public Object execute() throws CommandException {
        FeedComponent running = feeds.find(feed).orElseThrow(() -> new CommandException(ConnectorNames.CONNECTOR + "-poll: no feed '"
                + feed + "' is running; running: " + (feeds.names().isEmpty() ? "none" : String.join(", ", feeds.names()))
                + " (an invalid configuration shows in holdfast:status)"));
        PollResult result = running.pollAndReport();
        if (result.stoppedBy().isPresent()) {
            throw new CommandException(ConnectorNames.CONNECTOR + "-poll " + feed + ": " + result.summary().replace('\n', ' '));
        }
        System.out.println(feed + ": " + result.summary());
        return null;
    }
}
