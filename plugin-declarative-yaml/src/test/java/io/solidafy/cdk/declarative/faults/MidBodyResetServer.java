package io.solidafy.cdk.declarative.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP/1.1 server on a socket serving {@link Pages}, whose first answer to one page sends
 * the headers and half the body (two whole records among it) and then resets the connection (RST):
 * the mid-body reset WireMock's faults cannot make.
 */
final class MidBodyResetServer implements AutoCloseable {

    private static final Pattern PAGE = Pattern.compile("[?&]page=(\\d+)");

    private final ServerSocket socket;
    private final int brokenPage;
    private final Map<Integer, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Thread acceptor;

    MidBodyResetServer(int brokenPage) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.brokenPage = brokenPage;
        this.acceptor = new Thread(this::serve, "mid-body-reset-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String base() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    int requests(int page) {
        return requests.getOrDefault(page, new AtomicInteger()).get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                answer(client);
            } catch (IOException e) {
                // closed, or the client went away: next connection
            }
        }
    }

    private void answer(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
        String requestLine = in.readLine();
        for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
            // headers are not needed
        }
        Matcher m = PAGE.matcher(requestLine == null ? "" : requestLine);
        int page = m.find() ? Integer.parseInt(m.group(1)) : 1;
        int attempt = requests.computeIfAbsent(page, p -> new AtomicInteger()).incrementAndGet();
        byte[] body = Pages.body(page).getBytes(StandardCharsets.UTF_8);
        OutputStream out = client.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        if (page == brokenPage && attempt == 1) {
            int cut = Pages.body(page).indexOf("},{", Pages.body(page).indexOf("},{") + 1) + 2; // after two whole records
            out.write(body, 0, cut);
            out.flush();
            client.setSoLinger(true, 0); // close with RST: a connection reset mid-body
            return;
        }
        out.write(body);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
