package dev.tollgate.api.facts;

/**
 * One entry of {@code [licenses] allow} (or of an exception's {@code allow}), parsed.
 *
 * @param req    the entry parsed as an SPDX license requirement
 * @param text   the entry as written
 * @param origin the entry's position in deny.toml
 */
public record AllowedLicense(LicenseReq req, String text, Location origin) {
}
