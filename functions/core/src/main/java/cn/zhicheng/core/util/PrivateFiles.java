package cn.zhicheng.core.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/** Secret files under the data folder: readable by the owner only, written once, never half-written. */
public final class PrivateFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PrivateFiles() {
    }

    /** Creates the folder and its missing parents; new folders are owner-only where the file system knows modes. */
    public static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (isPosix(dir)) {
            Files.createDirectories(dir,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    /**
     * Writes the file with mode 600 unless it exists; returns false when it already existed (another process or
     * instance won the race, and its content stands).
     */
    public static boolean writeIfAbsent(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        createDirectories(dir);
        Path tmp = isPosix(dir)
                ? Files.createTempFile(dir, ".new-", ".tmp", ownerOnly())
                : Files.createTempFile(dir, ".new-", ".tmp");
        try {
            Files.write(tmp, content);
            // A hard link appears complete or not at all and never replaces an existing file, unlike a rename.
            try {
                Files.createLink(file, tmp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (Files.exists(file)) {
                    return false;
                }
                try {
                    Files.move(tmp, file);
                    return true;
                } catch (FileAlreadyExistsException e) {
                    return false;
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The bytes of a random secret file, made with {@code size} random bytes on first use. */
    public static byte[] readOrCreateRandom(Path file, int size) {
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[size];
                RANDOM.nextBytes(secret);
                writeIfAbsent(file, secret);
            }
            byte[] secret = Files.readAllBytes(file);
            if (secret.length < size) {
                throw new IllegalStateException("The secret file " + file + " holds " + secret.length
                        + " bytes, fewer than the " + size + " needed; delete it to have a new one made");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret file " + file, e);
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }
}
