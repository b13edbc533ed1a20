/** The console's segments over HTTP: preview, save, snapshots, members (admin only). */
package dev.loyalty.adapters.web.segment;
