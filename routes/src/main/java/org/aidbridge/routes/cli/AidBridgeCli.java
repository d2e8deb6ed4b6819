package org.aidbridge.routes.cli;

public class AidBridgeCli {
  public static void main(String[] a) {}
}
