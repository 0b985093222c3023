package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;

/**
 * A chunked body over the size limit: the station answers 413 near the limit and closes the connection, so
 * the client cannot make it read (and the network carry) the rest. The client keeps sending after the 413
 * as an attacker would; what the station took in is bounded by the socket buffers, not by the body.
 */
class ChunkedBodyCutOffTest {
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess();

    private static final long BODY = 150L * 1024 * 1024;

    @Test
    void aChunkedBodyOverTheLimitIsCutOffNearTheLimitAndItsConnectionClosed() throws Exception {
        for (String path : new String[] {"/api/polls/tin-nhiem/ballots", "/v/AAAA/cast"}) {
            try (Socket socket = RawHttp.connect(station.url(), "127.0.0.1")) {
                AtomicLong sent = new AtomicLong();
                AtomicLong sentAtAnswer = new AtomicLong(-1);
                CompletableFuture<RawHttp.Answer> answer = CompletableFuture.supplyAsync(() -> {
                    try {
                        RawHttp.Answer a = RawHttp.read(socket.getInputStream());
                        sentAtAnswer.set(sent.get());
                        return a;
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                OutputStream out = socket.getOutputStream();
                String type = path.startsWith("/api/") ? "application/json" : "application/x-www-form-urlencoded";
                out.write(RawHttp.head("POST", path, station.url(), "Content-Type: " + type, "Transfer-Encoding: chunked")
                        .getBytes(StandardCharsets.ISO_8859_1));
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) ' ');
                byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                boolean cut = false;
                try {
                    while (sent.get() < BODY) { // an attacker does not stop at the 413
                        out.write(size);
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        sent.addAndGet(chunk.length);
                    }
                } catch (IOException closedByTheStation) {
                    cut = true;
                }
                RawHttp.Answer reply = answer.get(30, TimeUnit.SECONDS);
                assertEquals(413, reply.status(), reply.head());
                System.out.printf("%s: 150 MB chunked body: 413 after %d KB sent; the connection was %s after %d KB%n", path,
                        sentAtAnswer.get() / 1024, cut ? "closed" : "NOT closed", sent.get() / 1024);
                assertTrue(cut, "the station read the whole body: " + sent.get() / (1024 * 1024) + " MB");
                // what the client wrote: the 64 KB the station read, and what the two sockets' buffers hold
                assertTrue(sent.get() < 16L * 1024 * 1024, "sent before the cut: " + sent.get() / 1024 + " KB");
            }
        }
        assertEquals(200, new Api(station.url(), station.passphrase()).get("/api/polls").status(), "the station still answers");
    }
}
