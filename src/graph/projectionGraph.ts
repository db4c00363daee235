import { UndirectedGraph } from 'graphology';
import type { ScopedProjection } from './projectEdgeScope';

/** A scoped projection as a plain graphology graph, for the library algorithms (betweenness, components). */
export function projectionGraph(projection: ScopedProjection): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const id of projection.ids) graph.addNode(id);
  projection.neighbours.forEach((list, s) => {
    for (const t of list) {
      if (s < t) graph.addUndirectedEdge(projection.ids[s], projection.ids[t]);
    }
  });
  return graph;
}
