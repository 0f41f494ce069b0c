package com.instore.devices.printer;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** How bytes reach a printer: TCP 9100, a device file, a serial port. A link is opened per job or status query. */
interface Transport {
    String name();

    /** @throws IOException with a message a store employee can act on (unreachable, no such device, no permission) */
    Link open() throws IOException;

    /** An open connection; {@link #in()} is null when the transport has no back channel (device files). */
    interface Link extends Closeable {
        OutputStream out();

        InputStream in();
    }
}
