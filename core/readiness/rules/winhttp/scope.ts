import type { MachineFacts } from '../../facts.js';
import type { Component } from '../../model.js';
import { winHttpViews } from './common.js';

/**
 * Shared by the WinHTTP rules that depend on the OS build, KB3140245 and Schannel (docs/domain-facts.md 10.2): 002,
 * 003, 004, 005, 010, 011. "(both)" rules fire once, attached to every WinHTTP component of the machine.
 */

export const KB = 'KB3140245';
/** Windows 7 SP1 / Server 2008 R2 SP1 (7601) and Server 2012 (9200): DefaultSecureProtocols needs KB3140245 there [KB3140245]. */
export const KB_BUILDS = new Set([7601, 9200]);

/** Every WinHTTP component of the machine, for the "(both)" rules. */
export const both = (m: MachineFacts): Component[] => winHttpViews(m).map((v) => v.component);
export const build = (m: MachineFacts): number | null => m.os?.build ?? null;
