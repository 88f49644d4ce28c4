package ${package}.internal.transport;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The feeds running now (one per valid configuration), for the shell. */
@Component(service = Feeds.class)
public class Feeds {
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    final List<FeedComponent> running = new CopyOnWriteArrayList<>();

    public Optional<FeedComponent> find(String name) {
        return running.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return running.stream().map(FeedComponent::name).sorted().toList();
    }
}
