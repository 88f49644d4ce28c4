package io.holdfast.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.health.internal.HealthRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreComponentTest {

    @Test
    void findsTheDerbyDirectoryOfEmbeddedUrlsOnly() {
        assertThat(StoreComponent.derbyDirectory("jdbc:derby:/var/hf/data/holdfast/derby/holdfast;create=true"))
                .contains(Path.of("/var/hf/data/holdfast/derby/holdfast"));
        assertThat(StoreComponent.derbyDirectory("jdbc:derby:directory:/x/db")).contains(Path.of("/x/db"));
        assertThat(StoreComponent.derbyDirectory("jdbc:derby:memory:hf;create=true")).isEmpty();
        assertThat(StoreComponent.derbyDirectory("jdbc:derby://host:1527/db")).isEmpty();
        assertThat(StoreComponent.derbyDirectory("jdbc:postgresql://h/db")).isEmpty();
        assertThat(StoreComponent.derbyDirectory(null)).isEmpty();
    }

    /** Production's URL has no create=true: a missing database is a clear DOWN line pointing at bin/holdfast-init. */
    @Test
    void missingDatabaseIsDownWithHowToInitialise(@TempDir Path dir) {
        Path db = dir.resolve("derby").resolve("holdfast");
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(db.toString());
        StoreComponent component = new StoreComponent();
        component.health = new HealthRegistry();
        component.bindDataSource(ds, Map.of("url", "jdbc:derby:" + db));
        component.activate(null);

        ComponentHealth store = component.health.components().get(0);
        assertThat(store.component()).isEqualTo("store");
        assertThat(store.state()).isEqualTo(HealthState.DOWN);
        assertThat(store.detail()).isEqualTo("HF-300 No database at " + db + ": run bin/holdfast-init to create it"
                + " (first installation), or restore it from backup. Nothing was created.");
        assertThat(db).doesNotExist();
    }
}
