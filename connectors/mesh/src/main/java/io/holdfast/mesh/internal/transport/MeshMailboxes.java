package io.holdfast.mesh.internal.transport;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The running mailboxes, for shell commands. */
@Component(service = MeshMailboxes.class)
public class MeshMailboxes {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    final List<MeshMailbox> mailboxes = new CopyOnWriteArrayList<>();

    public List<MeshMailbox> all() {
        return mailboxes.stream().sorted(Comparator.comparing(m -> m.settings().mailboxId())).toList();
    }

    public Optional<MeshMailbox> find(String mailboxId) {
        return mailboxes.stream().filter(m -> m.settings().mailboxId().equalsIgnoreCase(mailboxId)).findFirst();
    }

    /** The named mailbox, or the only one when none is named. */
    public MeshMailbox require(String mailboxIdOrNull) {
        try {
            return MeshAddress.pick(mailboxes, Optional.ofNullable(mailboxIdOrNull));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (see holdfast:mesh-mailboxes)", e);
        }
    }
}
