export * from './effect-logic/effect-node.entity.js';
export * from './effect-logic/effect-graph.js';
export * from './effect-logic/effect-graph.rules.js';
export * from './effect-logic/effect-graph.mermaid.js';
export * from './effect-logic/effect-logic.service.js';
export * from './effect-logic/dto/effect-logic.dto.js';
export * from './results.module.js';
