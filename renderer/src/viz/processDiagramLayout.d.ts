import type { BrowserViewState, ProcessView } from '../../../shared/trace/browserViewState';
export interface Box {
    x: number;
    y: number;
    w: number;
    h: number;
}
export interface DiagramNode extends Box {
    /** Endpoint id ('browser', 'network', 'renderer:1') or server id ('127.53.0.1:5353'). */
    id: string;
    kind: 'ui' | 'network' | 'renderer' | 'dns' | 'web';
    title: string;
    lines: string[];
    state: ProcessView['state'] | null;
}
export interface DiagramGroup extends Box {
    id: 'renderers' | 'browser' | 'servers';
}
export interface DiagramLayout {
    width: number;
    height: number;
    groups: DiagramGroup[];
    nodes: DiagramNode[];
}
export declare function layoutProcessDiagram(state: BrowserViewState, width: number, height: number): DiagramLayout;
export interface Arrow {
    path: string;
    from: {
        x: number;
        y: number;
    };
    to: {
        x: number;
        y: number;
    };
}
/** An arrow between two nodes, leaving and entering at the facing sides. */
export declare function arrowBetween(layout: DiagramLayout, fromId: string, toId: string): Arrow | null;
