package ${package}.internal.transport;

import ${package}.internal.config.FeedConfig;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.Intake;

/** Feeds activated the way Declarative Services activates them, for tests outside this package (the shell command). */
public final class RunningFeeds implements AutoCloseable {
    private final Feeds feeds = new Feeds();

    public FeedComponent activate(FeedConfig config, Intake intake, Health health) {
        FeedComponent feed = new FeedComponent();
        feed.intake = intake;
        feed.health = health;
        feed.activate(config);
        feeds.running.add(feed);
        return feed;
    }

    public Feeds feeds() {
        return feeds;
    }

    @Override
    public void close() throws InterruptedException {
        for (FeedComponent feed : feeds.running) {
            feed.deactivate();
        }
        feeds.running.clear();
    }
}
