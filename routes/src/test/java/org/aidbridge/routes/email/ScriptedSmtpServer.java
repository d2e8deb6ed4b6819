package org.aidbridge.routes.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server that speaks RFC 5321 and answers {@code MAIL FROM}, {@code RCPT TO} or the end of
 * {@code DATA} with a chosen reply, as a real server does for an unknown mailbox, a relay it
 * refuses or a sender it does not accept. GreenMail accepts every recipient, so this is how the
 * sender's handling of a refusal is tested against the real client. It counts connections and the
 * mails it accepted.
 */
final class ScriptedSmtpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Map<String, String> replies;
  private final Thread thread;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();

  /** Answers RCPT TO with {@code rcptReply}, everything else as a willing server. */
  ScriptedSmtpServer(String rcptReply) {
    this(Map.of("RCPT", rcptReply));
  }

  /** Answers the given verbs ({@code MAIL}, {@code RCPT}, {@code DATA} for its end) so. */
  ScriptedSmtpServer(Map<String, String> replies) {
    try {
      this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.replies = Map.copyOf(replies);
    this.thread = new Thread(this::serve, "scripted-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  int accepted() {
    return accepted.get();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        connections.incrementAndGet();
        converse(client);
      } catch (IOException e) {
        // Closed by close(), or the client hung up: wait for the next one.
      }
    }
  }

  private void converse(Socket client) throws IOException {
    BufferedReader in =
        new BufferedReader(
            new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    OutputStream out = client.getOutputStream();
    say(out, "220 scripted.example ESMTP");
    String line;
    while ((line = in.readLine()) != null) {
      String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
      switch (verb) {
        case "EHLO" -> say(out, "250-scripted.example\r\n250 8BITMIME");
        case "HELO", "RSET", "NOOP" -> say(out, "250 OK");
        case "MAIL" -> say(out, replies.getOrDefault("MAIL", "250 OK"));
        case "RCPT" -> say(out, replies.getOrDefault("RCPT", "250 OK"));
        case "DATA" -> data(in, out);
        case "QUIT" -> {
          say(out, "221 Bye");
          return;
        }
        default -> say(out, "502 Not implemented");
      }
    }
  }

  private void data(BufferedReader in, OutputStream out) throws IOException {
    say(out, "354 End data with <CR><LF>.<CR><LF>");
    String line;
    while ((line = in.readLine()) != null && !line.equals(".")) {
      // the mail itself is not kept
    }
    String reply = replies.getOrDefault("DATA", "250 OK queued");
    if (reply.startsWith("2")) {
      accepted.incrementAndGet();
    }
    say(out, reply);
  }

  private static void say(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
