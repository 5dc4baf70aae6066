/** What rules produce: findings, with their codes, severities and locations. */
package dev.tollgate.api.findings;
