package org.regroup.rest.errors;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.ContentEncoding;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;
import org.regroup.rest.ApiJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What goes wrong before Jersey has a request, in the API's one shape (problem details, never Grizzly's HTML page with
 * its stack trace, name and version):
 * <ul>
 * <li>an address no URI can be made of ({@code /api/plans/%ZZ/analysis}, a {@code Host} with a space or a port
 * that is not a number): 400;</li>
 * <li>an {@code Expect} other than {@code 100-continue}: Grizzly's 417, with a body;</li>
 * <li>a request the HTTP parser refuses (a broken request line, header line, {@code Content-Length} or chunk, an HTTP
 * version other than 1.x): 400 with a body, where Grizzly sends an empty one;</li>
 * <li>every page Grizzly writes itself (a failure in a handler, shutting down): problem details;</li>
 * <li>{@code CONNECT} and {@code TRACE}: 405 at once, and the connection closed.</li>
 * </ul>
 * {@link #install} on a server not yet started.
 */
public final class GrizzlyErrors {

    private static final Logger LOG = LoggerFactory.getLogger(GrizzlyErrors.class);

    private GrizzlyErrors() {
    }

    /** Problem details for everything Grizzly answers itself, on every listener and handler of {@code server}. */
    public static void install(HttpServer server) {
        ServerConfiguration config = server.getServerConfiguration();
        config.setHttpServerName("Regroup"); // never "Grizzly 4.0.2", in a page or a header
        config.setHttpServerVersion("");
        config.setDefaultErrorPageGenerator(PAGES);
        for (NetworkListener listener : server.getListeners()) {
            listener.setDefaultErrorPageGenerator(PAGES);
            listener.registerAddOn(new ProblemCodecAddOn());
        }
        for (Map.Entry<HttpHandler, HttpHandlerRegistration[]> handler : config.getHttpHandlersWithMapping()
                .entrySet()) {
            config.removeHttpHandler(handler.getKey());
            config.addHttpHandler(new AddressCheck(handler.getKey()), handler.getValue());
        }
    }

    /** Problem details as Grizzly writes them: no path (it may be what could not be read). */
    static byte[] body(int status, String detail) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : status < 500 ? "Bad Request" : "Server Error";
        try {
            return ApiJson.MAPPER.writeValueAsBytes(new Problem("about:blank", title, status, detail, null, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a record of strings and an int always writes
        }
    }

    /** Grizzly's own error pages (a handler that threw, shutting down, a body over its limit) as problem details. */
    static final ErrorPageGenerator PAGES = new ErrorPageGenerator() {
        @Override
        public String generate(Request request, int status, String reasonPhrase, String description,
                Throwable exception) {
            org.glassfish.grizzly.http.server.Response response = request.getResponse();
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            String detail = switch (status) {
                case 503 -> "the server is shutting down; retry later";
                case 413 -> "the body is larger than this server accepts";
                case 500 -> "the server failed; it has been logged";
                default -> status < 500 ? "the request cannot be read" : "the server cannot answer this request";
            };
            if (exception != null) {
                LOG.error("{} on {} answered {}", exception.getClass().getSimpleName(), request.getRequestURI(),
                        status, exception);
            }
            return new String(body(status, detail), StandardCharsets.UTF_8);
        }
    };

    /**
     * The application's handler, but an address from which Jersey cannot make a URI (it throws before it has a
     * request) is the client's mistake: 400, not Grizzly's 500 page. Jersey's own answers pass through untouched.
     */
    static final class AddressCheck extends HttpHandler {

        private static final java.util.Set<org.glassfish.grizzly.http.Method> REFUSED = java.util.Set.of(
                org.glassfish.grizzly.http.Method.CONNECT, org.glassfish.grizzly.http.Method.TRACE);

        private final HttpHandler application;

        AddressCheck(HttpHandler application) {
            super(application.getName());
            this.application = application;
        }

        @Override
        public void start() {
            application.start();
        }

        @Override
        public void destroy() {
            application.destroy();
        }

        @Override
        public void service(Request request, org.glassfish.grizzly.http.server.Response response) throws Exception {
            if (REFUSED.contains(request.getMethod())) {
                // No proxy, no echo. Grizzly answers a CONNECT as the start of a tunnel (no length, the connection
                // held open), so a client waited for an end that never came: a whole answer, then close.
                response.setHeader("Connection", "close");
                write(response, HttpStatus.METHOD_NOT_ALLOWED_405, request.getMethod().getMethodString()
                        + " is not served here");
                response.finish();
                request.getContext().getConnection().closeSilently();
                return;
            }
            try {
                request.getServerName(); // Grizzly parses the Host header here, and throws on a port of letters
                request.getServerPort();
            } catch (RuntimeException unreadable) {
                write(response, HttpStatus.BAD_REQUEST_400, "the Host header cannot be read: it is a host name, "
                        + "optionally with :port");
                return;
            }
            try {
                application.service(request, response);
            } catch (IllegalArgumentException e) {
                if (!(e.getCause() instanceof URISyntaxException unreadable) || response.isCommitted()) {
                    throw e;
                }
                LOG.debug("unreadable address {}: {}", request.getRequestURI(), unreadable.getReason());
                response.reset();
                write(response, HttpStatus.BAD_REQUEST_400, "the request's address cannot be read ("
                        + reason(unreadable) + "); a '%' starts an escape of two hexadecimal digits, and spaces, "
                        + "quotes and such are escaped");
            }
        }

        /** An {@code Expect} other than {@code 100-continue}: Grizzly's 417, with a body that says so. */
        @Override
        protected boolean sendAcknowledgment(Request request, org.glassfish.grizzly.http.server.Response response)
                throws IOException {
            if (super.sendAcknowledgment(request, response)) {
                return true;
            }
            write(response, HttpStatus.EXPECTATION_FAILED_417, "the Expect header can only be 100-continue");
            return false;
        }

        private static void write(org.glassfish.grizzly.http.server.Response response, HttpStatus status,
                String detail) throws IOException {
            byte[] body = body(status.getStatusCode(), detail);
            response.setStatus(status);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }

        /** The URI parser's reason ("Malformed escape pair"), which says what without echoing the address. */
        private static String reason(URISyntaxException e) {
            String reason = e.getReason();
            return reason == null || reason.isBlank() ? "malformed" : reason.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Replaces the listener's HTTP codec by one whose refusals (400 for a request it cannot parse, 505 for a version
     * it does not speak, which is the client's mistake too: 400 here) carry problem details, with the same settings.
     */
    static final class ProblemCodecAddOn implements AddOn {

        @Override
        public void setup(NetworkListener listener, FilterChainBuilder builder) {
            int at = builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
            if (at < 0) {
                return;
            }
            org.glassfish.grizzly.http.HttpServerFilter original =
                    (org.glassfish.grizzly.http.HttpServerFilter) builder.get(at);
            int maxHeaderSize = listener.getMaxHttpHeaderSize() == -1
                    ? org.glassfish.grizzly.http.HttpServerFilter.DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE
                    : listener.getMaxHttpHeaderSize();
            ProblemCodec codec = new ProblemCodec(listener.isChunkingEnabled(), maxHeaderSize, listener.getKeepAlive(),
                    listener.getMaxRequestHeaders(), listener.getMaxResponseHeaders());
            for (ContentEncoding encoding : original.getContentEncodings()) {
                codec.addContentEncoding(encoding);
            }
            codec.setAllowPayloadForUndefinedHttpMethods(original.isAllowPayloadForUndefinedHttpMethods());
            codec.setMaxPayloadRemainderToSkip(original.getMaxPayloadRemainderToSkip());
            codec.setRemoveHandledContentEncodingHeaders(original.isRemoveHandledContentEncodingHeaders());
            codec.getMonitoringConfig().addProbes(original.getMonitoringConfig().getProbes());
            builder.set(at, codec);
        }
    }

    static final class ProblemCodec extends org.glassfish.grizzly.http.HttpServerFilter {

        @SuppressWarnings("deprecation")
        ProblemCodec(boolean chunking, int maxHeaderSize, org.glassfish.grizzly.http.KeepAlive keepAlive,
                int maxRequestHeaders, int maxResponseHeaders) {
            // as HttpServer configures its own: no delayed executor, the idle-timeout filter handles idle connections
            super(chunking, maxHeaderSize, null, keepAlive, null, maxRequestHeaders, maxResponseHeaders);
        }

        @Override
        protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
            boolean version = response.getStatus() == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505.getStatusCode();
            if (response.getStatus() < 400 || response.getStatus() >= 500) {
                HttpStatus.BAD_REQUEST_400.setValues(response);
            }
            byte[] body = body(response.getStatus(), version
                    ? "this server speaks HTTP/1.1 and HTTP/1.0"
                    : "the request cannot be read as HTTP/1.1: its request line, a header, or the framing of its "
                            + "body is malformed");
            response.setContentType(Problem.MEDIA_TYPE);
            response.setContentLength(body.length);
            return HttpContent.builder(response)
                    .content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body))
                    .last(true)
                    .build();
        }
    }
}
