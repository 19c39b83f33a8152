/**
 * The libraries that stand in for Blink's HTML parser and CSS parser. They are the
 * bulk of a renderer's start-up cost (css-tree's parser and generator, parse5's
 * streaming parser and SAX tokenizer: about 100 ms of module loading here), so a
 * renderer process says it is ready as soon as its channel is up and loads them right
 * after, while it waits for work — as Chromium's renderer initializes Blink lazily.
 * Work that needs them before they are in waits in order (see rendererMain).
 */
import type * as CssTree from 'css-tree';
import type { ParserStream as Parse5ParserStream } from 'parse5-parser-stream';
import type { SAXParser as Parse5SaxParser } from 'parse5-sax-parser';

export interface BlinkLibraries {
  parseCss: typeof CssTree.parse;
  generateCss: typeof CssTree.generate;
  ParserStream: typeof Parse5ParserStream;
  SAXParser: typeof Parse5SaxParser;
}

let loaded: BlinkLibraries | null = null;
let loading: Promise<BlinkLibraries> | null = null;

/** Loads the libraries once; later calls return the same promise. */
export function loadBlinkLibraries(): Promise<BlinkLibraries> {
  loading ??= (async () => {
    const [parser, generator, stream, sax] = await Promise.all([
      import('css-tree/parser'),
      import('css-tree/generator'),
      import('parse5-parser-stream'),
      import('parse5-sax-parser'),
    ]);
    loaded = {
      parseCss: parser.default,
      generateCss: generator.default,
      ParserStream: stream.ParserStream,
      SAXParser: sax.SAXParser,
    };
    return loaded;
  })();
  return loading;
}

/** The libraries, once loaded (a renderer runs no document work before that). */
export function blinkLibraries(): BlinkLibraries {
  if (!loaded) throw new Error('the HTML and CSS parsers are not loaded yet (await loadBlinkLibraries() first)');
  return loaded;
}
