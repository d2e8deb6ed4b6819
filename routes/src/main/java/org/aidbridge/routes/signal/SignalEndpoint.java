package org.aidbridge.routes.signal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * Where the signal-cli daemon listens: {@code tcp://host:port} or {@code unix:/path/to/socket}.
 *
 * @param address the socket address to connect to
 * @param text the endpoint as configured (no secret in it), for messages
 */
public record SignalEndpoint(SocketAddress address, String text) {

  /** Parses the {@code signal.endpoint} setting; a bad value fails with a clear message. */
  public static SignalEndpoint parse(String endpoint) {
    String value = endpoint == null ? "" : endpoint.trim();
    if (value.startsWith("unix:")) {
      String path = value.substring("unix:".length());
      if (path.startsWith("//")) {
        path = path.substring(2);
      }
      if (path.isBlank()) {
        throw new IllegalArgumentException("expected unix:/path/to/socket, got '" + value + "'");
      }
      return new SignalEndpoint(UnixDomainSocketAddress.of(Path.of(path)), value);
    }
    if (value.startsWith("tcp://")) {
      URI uri = URI.create(value);
      if (uri.getHost() == null || uri.getPort() < 1) {
        throw new IllegalArgumentException("expected tcp://host:port, got '" + value + "'");
      }
      return new SignalEndpoint(
          InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort()), value);
    }
    throw new IllegalArgumentException(
        "expected tcp://host:port or unix:/path/to/socket, got '" + value + "'");
  }

  public static SignalEndpoint tcp(String host, int port) {
    return parse("tcp://" + host + ":" + port);
  }

  /** Opens a blocking connection to the daemon. */
  public SocketChannel connect() throws IOException {
    if (address instanceof UnixDomainSocketAddress unix) {
      SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      try {
        channel.connect(unix);
        return channel;
      } catch (IOException e) {
        channel.close();
        throw e;
      }
    }
    InetSocketAddress tcp = (InetSocketAddress) address;
    SocketChannel channel = SocketChannel.open();
    try {
      channel.connect(new InetSocketAddress(tcp.getHostString(), tcp.getPort()));
      return channel;
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
