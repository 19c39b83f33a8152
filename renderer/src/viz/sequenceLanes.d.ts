/**
 * The message sequence's lanes: one per thread or process that sent or received a
 * message, in a stable order (UI thread, network thread, then renderers by number).
 */
import type { TraceEvent } from '../../../shared/trace/traceEvent';
export interface Lane {
    id: string;
    label: string;
    x: number;
}
export declare function laneLabel(id: string): string;
export declare function computeLanes(events: readonly TraceEvent[], laneWidth: number): Lane[];
/** Which rows of a fixed-height list are visible (plus an overscan margin). */
export declare function visibleRange(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan?: number): {
    first: number;
    last: number;
};
