export type { VrptwInstance, CustomerRecord } from './vrptw/instance.js';
export { buildInstance, euclideanMatrix } from './vrptw/instance.js';
export { parseSolomon } from './vrptw/solomon.js';
export { checkSolution } from './vrptw/checker.js';
export type { CheckResult } from './vrptw/checker.js';
export { solve } from './solver/solve.js';
export type { SolveOptions, SolveResult, Objective } from './solver/solve.js';
export * from './plan/index.js';
