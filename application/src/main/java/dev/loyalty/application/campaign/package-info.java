/**
 * Campaigns: their life (drafts, launch, pause, cancel), their runs (exactly once per slot,
 * restartable by lease and keyset cursor, page by page in transactions of their own), the target
 * sources per type, and the replenishment port.
 */
package dev.loyalty.application.campaign;
