package com.instore.devices.printer;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A printer behind a device file, e.g. {@code /dev/usb/lp0} (Linux usblp). Write-only: the kernel driver gives no
 * reliable way to read the printer's status answers, so the status is "unknown" while the file is writable.
 */
final class FileTransport implements Transport {
    private final Path path;

    FileTransport(Path path) {
        this.path = path;
    }

    @Override
    public String name() {
        return "file:" + path;
    }

    @Override
    public Link open() throws IOException {
        if (!Files.exists(path)) {
            throw new IOException("no such device " + path + " (printer unplugged or off?)");
        }
        if (!Files.isWritable(path)) {
            throw new IOException("no permission to write " + path + " (add the agent's user to group lp)");
        }
        FileOutputStream out = new FileOutputStream(path.toFile(), true);
        return new TcpTransport.StreamLink(out, null, out);
    }
}
