/** What the gate answers: pass, warn or fail, with the findings behind it. */
package dev.tollgate.api.verdict;
