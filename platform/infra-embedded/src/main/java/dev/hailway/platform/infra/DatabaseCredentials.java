package dev.hailway.platform.infra;

/** How one service reaches its own database: a JDBC URL, the service's login role and its password. */
public record DatabaseCredentials(String url, String username, String password) {

    /** Keeps the password out of logs and assertion messages. */
    @Override
    public String toString() {
        return "DatabaseCredentials[url=" + url + ", username=" + username + ", password=****]";
    }
}
