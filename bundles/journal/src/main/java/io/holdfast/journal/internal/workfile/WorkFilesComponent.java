package io.holdfast.journal.internal.workfile;

import io.holdfast.api.kernel.WorkFiles;
import io.holdfast.keys.api.MasterKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link WorkFiles} under {@code ${karaf.data}/holdfast/work}, available once the master keys are
 * (work files are encrypted with them). Partial files left by an earlier stop are discarded here.
 */
@Component(service = WorkFiles.class)
public class WorkFilesComponent implements WorkFiles {

    @Reference
    MasterKeys keys;

    private EncryptedWorkFiles files;

    @Activate
    void activate() {
        files = new EncryptedWorkFiles(Path.of(System.getProperty("karaf.data", "data"), "holdfast", "work"), keys);
        try {
            EncryptedWorkFiles.logDiscarded(files.root(), files.discardPartial());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean the work folder " + files.root() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public PendingWorkFile create(String owner, String name) throws IOException {
        return files.create(owner, name);
    }

    @Override
    public InputStream open(String owner, String name) throws IOException {
        return files.open(owner, name);
    }

    @Override
    public OptionalLong size(String owner, String name) throws IOException {
        return files.size(owner, name);
    }

    @Override
    public boolean delete(String owner, String name) throws IOException {
        return files.delete(owner, name);
    }

    @Override
    public List<String> list(String owner) throws IOException {
        return files.list(owner);
    }

    @Override
    public long usableSpace(String owner) throws IOException {
        return files.usableSpace(owner);
    }
}
