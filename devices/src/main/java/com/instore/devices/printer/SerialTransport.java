package com.instore.devices.printer;

import com.fazecast.jSerialComm.SerialPort;

import java.io.IOException;

/** A printer on a serial port through jSerialComm (8N1, the given baud rate). Untested without a serial printer. */
final class SerialTransport implements Transport {
    private final String device;
    private final int baud;
    private final int timeoutMillis;

    SerialTransport(String device, int baud, int timeoutMillis) {
        this.device = device;
        this.baud = baud;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public String name() {
        return "serial:" + device + "?baud=" + baud;
    }

    @Override
    public Link open() throws IOException {
        SerialPort port = SerialPort.getCommPort(device);
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                timeoutMillis, timeoutMillis);
        if (!port.openPort()) {
            throw new IOException("cannot open serial port " + device + " (error " + port.getLastErrorCode()
                    + ": missing, busy, or no permission: add the agent's user to group dialout)");
        }
        return new TcpTransport.StreamLink(port.getOutputStream(), port.getInputStream(), port::closePort);
    }
}
