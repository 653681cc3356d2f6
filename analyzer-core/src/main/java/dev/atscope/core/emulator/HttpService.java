package dev.atscope.core.emulator;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * HTTP and HTTPS (§1.2 steps 5-7, §3.3): AT+QHTTPURL's URL, real requests for AT+QHTTPGET and
 * AT+QHTTPPOST through the {@link Network} (with the SSL context's settings for {@code https://}),
 * and AT+QHTTPREAD's body. Failures answer the M-series' {@code +CME ERROR} codes and the log says why.
 */
final class HttpService {

    private final ProtocolRegistry registry;
    private final EmulatorConfig config;
    private final Network network;
    private final ResultWriter answers;
    private final UploadReceiver uploads;
    /** The SSL context's settings, as the model holds them. */
    private final SslSettings ssl;
    /** The URL, whether HTTPS is on and whether a PDP context is active: the library's model of the module. */
    private final ModuleModel model;
    private final Consumer<String> log;

    /** The body of the last response, until AT+QHTTPREAD takes it: the part the model does not hold. */
    private byte[] response;

    HttpService(ProtocolRegistry registry, EmulatorConfig config, Network network, ResultWriter answers,
            UploadReceiver uploads, SslSettings ssl, Consumer<String> log, ModuleModel model) {
        this.model = model;
        this.registry = registry;
        this.config = config;
        this.network = network;
        this.answers = answers;
        this.uploads = uploads;
        this.ssl = ssl;
        this.log = log;
    }

    Result qhttpurl(AtCommand c) throws IOException, InterruptedException {
        List<String> p = c.params();
        switch (c.form()) {
            case TEST -> {
                return answers.test(c);
            }
            case READ -> {
                answers.info("+QHTTPURL: \"" + url() + "\"");
                return Result.OK;
            }
            case WRITE -> {
                int length = Integer.parseInt(p.get(0));
                long timeout = Timeouts.seconds(registry, c, 1);
                answers.result(Result.CONNECT);
                byte[] data = uploads.receive(length, config.timing().seconds(timeout), null);
                if (data.length < length) {
                    return Result.cme(ErrorSituation.INPUT_TIMEOUT);
                }
                response = null; // the model takes the URL from the upload when the OK goes out
                return Result.OK;
            }
            default -> {
                return Result.ERROR;
            }
        }
    }

    Result qhttpget(AtCommand c) throws IOException, InterruptedException {
        if (c.form() == CommandForm.TEST) {
            return answers.test(c);
        }
        return request("GET", null, Timeouts.seconds(registry, c, 0));
    }

    Result qhttppost(AtCommand c) throws IOException, InterruptedException {
        if (c.form() != CommandForm.WRITE) {
            return answers.test(c);
        }
        int size = Integer.parseInt(c.params().get(0));
        long inputTime = Timeouts.seconds(registry, c, 1);
        long readTime = Timeouts.seconds(registry, c, 2);
        if (!model.https().pdpActive()) {
            return Result.cme(ErrorSituation.PDP_INACTIVE);
        }
        answers.result(Result.CONNECT);
        byte[] body = uploads.receive(size, config.timing().seconds(inputTime), null);
        if (body.length < size) {
            return Result.cme(ErrorSituation.INPUT_TIMEOUT);
        }
        return request("POST", body, readTime);
    }

    Result qhttpread(AtCommand c) throws IOException {
        if (c.form() == CommandForm.TEST) {
            return answers.test(c);
        }
        if (response == null) {
            return Result.cme(ErrorSituation.NOTHING_TO_READ);
        }
        byte[] body = response;
        response = null;
        answers.result(Result.CONNECT);
        answers.write(body);
        return Result.OK;
    }

    private Result request(String method, byte[] body, long timeoutSeconds) throws InterruptedException {
        if (!model.https().pdpActive()) {
            log.accept("AT+QHTTP" + method + ": no PDP context is active");
            return Result.cme(ErrorSituation.PDP_INACTIVE);
        }
        String url = url();
        if (url.isEmpty()) {
            return Result.cme(ErrorSituation.EMPTY_URL);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            log.accept("bad URL " + url + ": " + e.getMessage());
            return Result.cme(ErrorSituation.BAD_URL);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            log.accept("not an http or https URL: " + url);
            return Result.cme(ErrorSituation.BAD_URL);
        }
        boolean https = scheme.equals("https");
        if (https && !model.https().httpsEnabled()) {
            log.accept(url + " is https but HTTPS is off (AT+QSSLCFG=\"https\",1)");
            return Result.cme(ErrorSituation.BAD_URL);
        }
        if (config.faults().dnsFailure()) {
            log.accept("DNS: cannot resolve " + uri.getHost() + " (fault profile)");
            return Result.cme(ErrorSituation.NAME_NOT_RESOLVED);
        }
        TlsSettings tls = https ? ssl.tls(config.rtc().instant()) : null;
        Network.Route route = network.route(new Network.Request(method, uri, tls));
        if (route instanceof Network.Fail f) {
            int code = f.code(registry);
            log.accept(method + " " + url + " failed (+CME ERROR: " + code + "): " + f.reason());
            return Result.cme(code);
        }
        Network.Connect to = (Network.Connect) route;
        if (!to.note().isEmpty()) {
            log.accept(method + " " + url + ": " + to.note());
        }
        try {
            ModuleHttpClient.Response r = ModuleHttpClient.request(method, uri, body, to, network, config.localIp(),
                    tls, Duration.ofSeconds(timeoutSeconds), config.faults().tlsHandshakeFailure(),
                    (int) registry.limit("httpResponseBytes").orElseThrow().value());
            int status = config.faults().httpStatus() != null ? config.faults().httpStatus() : r.status();
            log.accept(method + " " + url + " -> " + status + ", " + r.body().length + " bytes"
                    + (r.tls().isEmpty() ? "" : " (" + r.tls() + ")"));
            if (status / 100 != 2) {
                return Result.cme(ErrorSituation.ERROR_STATUS); // an error status fails the request
            }
            response = r.body();
            return Result.OK;
        } catch (ModuleHttpClient.Failure f) {
            log.accept(method + " " + url + " failed (+CME ERROR: " + f.situation.code(registry) + "): "
                    + f.getMessage());
            return Result.cme(f.situation);
        }
    }

    /** The URL AT+QHTTPURL set, as the model holds it; empty when none is set. */
    private String url() {
        String u = model.https().url();
        return u == null ? "" : u;
    }
}
