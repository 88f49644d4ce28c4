package io.holdfast.http.internal.jwt;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.http.JsonWebKey;
import io.holdfast.http.JwksSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/** A JWKS file, parsed again when its modification time changes (key rotation by replacing the file). */
public final class FileJwksSource implements JwksSource {
    private final Path file;
    private FileTime loadedAt;
    private List<JsonWebKey> keys;

    public FileJwksSource(Path file) {
        this.file = file;
    }

    @Override
    public synchronized List<JsonWebKey> keys(boolean refresh) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (keys == null || !modified.equals(loadedAt)) {
                keys = JwksParser.parse(Files.readAllBytes(file), file.toString());
                loadedAt = modified;
            }
            return keys;
        } catch (IOException e) {
            throw new HoldfastException(ErrorCode.AUTH_FAILED, "JWKS file " + file + " cannot be read: " + e, e);
        }
    }
}
