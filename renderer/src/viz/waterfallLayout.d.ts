import type { BrowserViewState, NavigationView, SpanView } from '../../../shared/trace/browserViewState';
export interface WaterfallSegment {
    spanId: string;
    name: string;
    x: number;
    w: number;
    open: boolean;
    status: SpanView['status'];
    category: SpanView['category'];
}
export interface WaterfallRow {
    key: string;
    label: string;
    kind: 'phase' | 'request' | 'renderer';
    y: number;
    segments: WaterfallSegment[];
}
export interface WaterfallLayout {
    navigation: NavigationView | null;
    rows: WaterfallRow[];
    start: number;
    end: number;
    x: (t: number) => number;
    height: number;
    labelWidth: number;
}
export declare function layoutWaterfall(state: BrowserViewState, width: number, labelWidth?: number): WaterfallLayout;
