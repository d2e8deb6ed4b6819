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

/**
 * An SMTP server that speaks RFC 5321 as far as the recipient and answers {@code RCPT TO} with a
 * chosen reply, as a real server does for an unknown or over-quota mailbox. GreenMail accepts every
 * recipient, so this is how the sender's handling of a rejection is tested against the real client.
 */
final class ScriptedSmtpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final String rcptReply;
  private final Thread thread;

  ScriptedSmtpServer(String rcptReply) {
    try {
      this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.rcptReply = rcptReply;
    this.thread = new Thread(this::serve, "scripted-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
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
        case "HELO", "MAIL", "RSET", "NOOP" -> say(out, "250 OK");
        case "RCPT" -> say(out, rcptReply);
        case "QUIT" -> {
          say(out, "221 Bye");
          return;
        }
        default -> say(out, "502 Not implemented");
      }
    }
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
