#set( $wireName = $connectorName.toUpperCase().replace("-", "_") )
package ${package}.internal;

/** The names under which this connector meets Holdfast and its administrators. */
public final class ConnectorNames {
    /** Feature name, shell command prefix ({@code holdfast:${connectorName}-poll}) and channel prefix. */
    public static final String CONNECTOR = "${connectorName}";
    /**
     * The wire-format family of the codec ({@code holdfast.format}) and of inventory targets that receive this
     * format. A vendor family: the inventory accepts it once listed in {@code io.holdfast.inventory} extraFormats.
     */
    public static final String FORMAT_FAMILY = "${wireName}";
    /** The transport ({@code holdfast.transport}); the inventory accepts it once listed in extraTransports. */
    public static final String TRANSPORT = "${wireName}";
    /** Factory PID of a feed: one {@code etc/${package}.feed-<name>.cfg} per remote outbox polled. */
    public static final String FEED_PID = "${package}.feed";

    private ConnectorNames() {
    }

    /** The channel of a feed, e.g. {@code ${connectorName}:main}: what routes name in {@code sources}. */
    public static String channel(String feedName) {
        return CONNECTOR + ":" + feedName;
    }
}
