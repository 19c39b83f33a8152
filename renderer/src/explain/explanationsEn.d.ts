/**
 * English explanations: for every phase, network span, renderer span, message and
 * trace event kind, what happens (in Chromium and in NavScope) and why. Plain text:
 * rendered as text, never as HTML.
 */
import type { Explanations } from './explanationTypes.js';
export declare const explanationsEn: Explanations;
