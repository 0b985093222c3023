package kioskvote.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads every request body (except a kiosk's multipart photo) before any handler runs, without a
 * request thread waiting for it: the bytes are collected as they arrive (servlet non-blocking reads),
 * and the request is handed to the routes only once the whole body is in. So a client trickling a body
 * one byte at a time holds a socket and a few bytes, never one of the 48 request threads.
 * <ul>
 *   <li>a body larger than {@code maxBytes} is refused with 413 as soon as its declared length or the bytes
 *       read so far pass the limit (chunked or not), and nothing more of it is read or kept;</li>
 *   <li>a body not complete within {@code deadlineMillis} of the request (a minimum data rate) is refused with 408;</li>
 *   <li>a JSON, form or untyped body that is not strict UTF-8 (after percent-decoding, for a form) is refused
 *       with 400 bad_encoding.</li>
 * </ul>
 * Refusals close the connection (the rest of the body is not read): {@code Connection: close}, then
 * {@link ConnectionCutter} cuts a client that goes on sending. Nothing has reached a handler, so nothing has changed.
 */
final class RequestBodyGate implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestBodyGate.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int maxBytes;
    private final long deadlineMillis;

    RequestBodyGate(int maxBytes, long deadlineMillis) {
        this.maxBytes = maxBytes;
        this.deadlineMillis = deadlineMillis;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        if (req instanceof BufferedBody || req.getDispatcherType() != DispatcherType.REQUEST || !hasBody(req) || isMultipart(req)) {
            chain.doFilter(request, response);
            return;
        }
        if (req.getContentLengthLong() > maxBytes) {
            refuse(req, res, ErrorCatalog.of(BadRequest.tooLarge()));
            ConnectionCutter.closeSoon(req);
            return;
        }
        BufferedBody buffered = new BufferedBody(req);
        AsyncContext async = req.startAsync(buffered, res);
        async.setTimeout(deadlineMillis);
        Collector collector = new Collector(req, res, async, buffered, req.getInputStream());
        async.addListener(collector);
        collector.in.setReadListener(collector);
    }

    private static boolean hasBody(HttpServletRequest req) {
        return req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null;
    }

    private static boolean isMultipart(HttpServletRequest req) {
        String type = req.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** Collects the body as it arrives; on the last byte hands the request on, or answers the refusal once. */
    private final class Collector implements ReadListener, AsyncListener {
        private final HttpServletRequest req;
        private final HttpServletResponse res;
        private final AsyncContext async;
        private final BufferedBody buffered;
        private final ServletInputStream in;
        private final WipeableBytes body = new WipeableBytes();
        private final byte[] chunk = new byte[4096];
        private final AtomicBoolean settled = new AtomicBoolean();

        Collector(HttpServletRequest req, HttpServletResponse res, AsyncContext async, BufferedBody buffered, ServletInputStream in) {
            this.req = req;
            this.res = res;
            this.async = async;
            this.buffered = buffered;
            this.in = in;
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (!settled.get() && in.isReady()) {
                int n = in.read(chunk);
                if (n < 0) return; // onAllDataRead follows
                if (body.size() + n > maxBytes) {
                    settle(ErrorCatalog.of(BadRequest.tooLarge()));
                    return;
                }
                body.write(chunk, 0, n);
            }
        }

        @Override
        public void onAllDataRead() {
            if (!settled.compareAndSet(false, true)) return;
            byte[] bytes = body.toByteArray();
            body.wipe(chunk); // the copies made on the way are zeroed: the count's key cards come this way (docs/security.md, "Memory")
            if (BodyEncoding.isDecodedAsText(req) && !BodyEncoding.isStrictUtf8(bytes, BodyEncoding.isForm(req))) {
                answer(ErrorCatalog.of(BadRequest.badEncoding()));
                return;
            }
            buffered.setBody(bytes);
            async.dispatch(); // to the routes, on a request thread, with the whole body in memory
        }

        @Override
        public void onError(Throwable failure) {
            // a broken chunked encoding, or the client went away mid-body
            LOG.debug("request body not read: {}", failure.toString());
            settle(ErrorCatalog.of(BadRequest.badBody()));
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            settle(ErrorCatalog.of(BadRequest.bodyTooSlow()));
        }

        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
            settle(ErrorCatalog.of(BadRequest.badBody()));
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }

        private void settle(ApiError error) { // a refusal before the body's end: answered, then the connection cut
            if (!settled.compareAndSet(false, true)) return;
            answer(error);
            ConnectionCutter.closeSoon(req);
        }

        private void answer(ApiError error) {
            try {
                refuse(req, res, error);
            } catch (IOException | RuntimeException gone) {
                LOG.debug("refusal not delivered: {}", gone.toString());
            } finally {
                try {
                    async.complete();
                } catch (IllegalStateException alreadyOver) {
                    // the client went away and the container ended the request itself
                }
            }
        }
    }

    static void refuse(HttpServletRequest req, HttpServletResponse res, ApiError error) throws IOException {
        if (res.isCommitted()) return;
        res.reset();
        res.setStatus(error.status());
        res.setHeader("Connection", "close"); // the rest of the body is not read
        res.setHeader("Cache-Control", "no-store");
        byte[] out;
        if (req.getRequestURI().startsWith("/api/")) {
            res.setContentType("application/json;charset=utf-8");
            out = JSON.writeValueAsBytes(error.body());
        } else {
            res.setContentType("text/html;charset=utf-8");
            out = ("<!doctype html><meta charset=utf-8><title>" + error.status() + "</title><p lang=vi>" + escape(error.vi())
                    + "</p><p lang=en>" + escape(error.en()) + "</p>").getBytes(StandardCharsets.UTF_8);
        }
        res.setContentLength(out.length);
        res.getOutputStream().write(out);
        res.flushBuffer();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

}
