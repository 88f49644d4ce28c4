package io.holdfast.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
}
