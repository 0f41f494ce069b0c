package com.instore.agent.simulate;

import com.instore.devices.printer.simulated.SimulatedPrinter;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.MessageCodec;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Arrays;

/**
 * {@code POST /simulate/printer} with {@code {"paper":"OUT","coverOpen":false}}: sets the simulated printer's paper sensor
 * ({@code OK}, {@code NEAR_END}, {@code OUT}) and cover, so that a demo can show the kiosk's answer to an empty printer
 * (the coupon on screen, the staff page's alert). Answers 204; bad input gets 400 and a reason. Only registered when the
 * kiosk runs the simulated printer.
 */
public final class SimulatedPrinterService implements HttpService {
    private final SimulatedPrinter printer;
    private final MessageCodec codec;

    public SimulatedPrinterService(SimulatedPrinter printer, MessageCodec codec) {
        this.printer = printer;
        this.codec = codec;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/printer", this::set);
    }

    private void set(ServerRequest req, ServerResponse res) {
        PrinterRequest request;
        try {
            request = codec.decode(req.content().as(byte[].class), PrinterRequest.class);
        } catch (InvalidMessageException e) {
            res.header(HeaderValues.CONTENT_TYPE_JSON).status(Status.BAD_REQUEST_400)
                    .send(codec.encode(new SimulateService.Problem(e.getMessage())));
            return;
        }
        printer.setPaper(SimulatedPrinter.Paper.valueOf(request.paper()));
        printer.setCoverOpen(Boolean.TRUE.equals(request.coverOpen()));
        res.status(Status.NO_CONTENT_204).send();
    }

    /** The request body; {@code paper} defaults to OK and {@code coverOpen} to false. */
    record PrinterRequest(String paper, Boolean coverOpen) {
        PrinterRequest {
            paper = paper == null ? "OK" : paper;
            if (!known(paper)) {
                throw new IllegalArgumentException("'paper' must be one of " + Arrays.toString(
                        SimulatedPrinter.Paper.values()) + ", got '" + paper + "'");
            }
        }

        private static boolean known(String paper) {
            return Arrays.stream(SimulatedPrinter.Paper.values()).anyMatch(p -> p.name().equals(paper));
        }
    }
}
