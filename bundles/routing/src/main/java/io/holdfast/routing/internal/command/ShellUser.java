package io.holdfast.routing.internal.command;

import org.apache.karaf.shell.support.ShellUtil;

/** The user journaled with admin actions: the JAAS subject of the shell session. */
final class ShellUser {
    private ShellUser() {
    }

    static String current() {
        String user = ShellUtil.getCurrentUserName();
        return user == null || user.isBlank() ? "os:" + System.getProperty("user.name", "unknown") : user;
    }
}
