package io.holdfast.examples.pathology.internal.transport;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.WorkFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/**
 * The cursor in a kernel work file ({@code data/holdfast/work/pathology-<lab>/cursor}): written whole,
 * forced and renamed into place by {@link WorkFiles.PendingWorkFile#commit()}, so a crash leaves the old
 * cursor or the new one. Losing it only costs a re-read: every row comes again and is claimed as a
 * DUPLICATE (same accession, test and content), nothing is routed twice.
 */
public final class WorkFileCursorStore implements CursorStore {
    static final String FILE = "cursor";
    private final WorkFiles files;
    private final String owner;

    public WorkFileCursorStore(WorkFiles files, String labName) {
        this.files = files;
        this.owner = "pathology-" + labName;
    }

    @Override
    public Optional<String> load() {
        try (InputStream in = files.open(owner, FILE)) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "cannot read the cursor of " + owner + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void save(String cursor) {
        try (WorkFiles.PendingWorkFile out = files.create(owner, FILE)) {
            out.write(cursor.getBytes(StandardCharsets.US_ASCII));
            out.commit();
        } catch (IOException e) {
            throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "cannot save the cursor of " + owner + " (" + e.getMessage()
                    + "); the rows are stored and will be asked for again (duplicates)", e);
        }
    }
}
