/**
 * graphology-gexf's writer on its own (its browser entry also loads the
 * parser, which touches DOMParser at import and so cannot load under jest):
 * the same function as `write` in graphology-gexf/browser, typed from there.
 */
declare module 'graphology-gexf/common/writer.js' {
  import type { write } from 'graphology-gexf/browser';
  const writeGexf: typeof write;
  export default writeGexf;
}
