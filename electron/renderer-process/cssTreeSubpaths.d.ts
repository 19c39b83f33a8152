// css-tree's parser and generator on their own (the package's "./parser" and "./generator"
// exports): the same functions as the main entry, without loading its lexer and data.
declare module 'css-tree/parser' {
  import type { parse } from 'css-tree';
  const parseCss: typeof parse;
  export default parseCss;
}

declare module 'css-tree/generator' {
  import type { generate } from 'css-tree';
  const generateCss: typeof generate;
  export default generateCss;
}
