package com.marketplace.disputes.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with TCP_NODELAY, named in the mail configuration
 * ({@code mail.smtp.socketFactory.class}, which Jakarta Mail loads through {@link #getDefault()}).
 * Without it, the end of each mail waits on the server's delayed acknowledgement (about 40 ms on
 * Linux): a sender of one mail after another on a kept connection managed 20 mails a second.
 */
public final class NoDelaySocketFactory extends SocketFactory {

  private static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();

  /** What Jakarta Mail calls on the class it is given. */
  public static SocketFactory getDefault() {
    return INSTANCE;
  }

  @Override
  public Socket createSocket() throws IOException {
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connect(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return connect(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connect(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
      int localPort) throws IOException {
    return connect(new InetSocketAddress(address, port),
        new InetSocketAddress(localAddress, localPort));
  }

  private Socket connect(InetSocketAddress remote, InetSocketAddress local) throws IOException {
    Socket socket = createSocket();
    if (local != null) {
      socket.bind(local);
    }
    socket.connect(remote);
    return socket;
  }
}
